namespace Dating.AppHost.BackingServices;

/// <summary>Where the repository is, and its git-ignored folders for tools and local state.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    /// <summary>Git-ignored: installed tools, dev-stack data and logs.</summary>
    public static string Local => Path.Combine(Root, ".local");

    public static string Tools => Path.Combine(Local, "tools");

    public static string DevData => Path.Combine(Local, "data");

    public static string Logs => Path.Combine(Local, "logs");

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Dating.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            "Cannot find the repository root (the folder holding Dating.sln) above " + AppContext.BaseDirectory);
    }
}
