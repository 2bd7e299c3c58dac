// errortrace: reads ML training-job logs and reports the root-cause failure.
//
//   CliApp.Run            parses the arguments, maps failures to ExitCodes, never shows a .NET stack trace
//   RootCommandFactory    the list of commands (analyze, serve)
//   Commands/             one class per command: its options and what it does
//   Rendering/            text (Spectre), JSON and Markdown output
//   Hosting/              the console and streams, injectable so tests run the program in-process
using ErrorTrace.Cli;
using ErrorTrace.Cli.Hosting;

return CliApp.Run(args, CliEnvironment.FromProcess());
