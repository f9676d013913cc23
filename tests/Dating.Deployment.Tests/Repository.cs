namespace Dating.Deployment.Tests;

internal static class Repository
{
    /// <summary>The checkout this test assembly was built from (the folder with Dating.sln).</summary>
    public static string Root { get; } = Find(AppContext.BaseDirectory);

    private static string Find(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Dating.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Dating.sln above {start}.");
    }
}
