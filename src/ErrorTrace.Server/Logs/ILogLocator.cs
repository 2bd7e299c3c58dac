using ErrorTrace.Server.Jobs;

namespace ErrorTrace.Server.Logs;

/// <summary>Finds a job's log under the path-safety rules of <see cref="LogLocator"/>.</summary>
internal interface ILogLocator
{
    LogLocation Locate(JobRecord job);
}
