namespace ErrorTrace.Server.Tests;

/// <summary>Files of the repository the tests run from (the committed panel bundle, the scripts).</summary>
internal static class RepositoryFiles
{
    /// <summary>The full path of <paramref name="parts"/> under the repository's root (the directory of errortrace.slnx).</summary>
    public static string Path(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "errortrace.slnx"))) return System.IO.Path.Combine([dir.FullName, .. parts]);
        }

        throw new InvalidOperationException("errortrace.slnx not found above " + AppContext.BaseDirectory);
    }
}
