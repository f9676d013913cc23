namespace Dating.EndToEnd.Tests.Browser;

/// <summary>The repository root (the folder holding Dating.sln), found from the test's output folder.</summary>
internal static class RepositoryFolder
{
    public static string Root { get; } = Find(AppContext.BaseDirectory);

    public static string WebClientApp => Path.Combine(Root, "src", "WebClient", "app");

    private static string Find(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Dating.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Dating.sln not found above {start}.");
    }
}
