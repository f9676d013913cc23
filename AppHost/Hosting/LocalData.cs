namespace Dating.AppHost.Hosting;

/// <summary>
/// Where the servers keep their data: <c>.local/data</c> in the repository (kept between runs), or a throwaway
/// folder for an isolated stack, deleted when it stops.
/// </summary>
public sealed class LocalData
{
    private LocalData(string root, bool throwaway, bool unsafeDurability)
    {
        Root = root;
        Throwaway = throwaway;
        UnsafeDurability = unsafeDurability;
    }

    public string Root { get; }

    /// <summary>Tests: the folder goes with the stack.</summary>
    public bool Throwaway { get; }

    /// <summary>
    /// Tests: durability buys nothing, speed does (no Redis append-only file; PostgreSQL without fsync and synchronous
    /// commit, so a kill -9 may lose acknowledged writes). A fault run keeps the dev stack's durability instead.
    /// </summary>
    public bool UnsafeDurability { get; }

    public string For(string server) => Directory.CreateDirectory(Path.Combine(Root, server)).FullName;

    public static LocalData Development(string repositoryRoot, bool fresh)
    {
        var root = Path.Combine(repositoryRoot, ".local", "data");
        if (fresh && Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        return new LocalData(root, throwaway: false, unsafeDurability: false);
    }

    public static LocalData Isolated(bool durable) =>
        new(Path.Combine(Path.GetTempPath(), "dating-stacks", $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}"[..24]), throwaway: true, unsafeDurability: !durable);

    public void DeleteIfThrowaway()
    {
        if (!Throwaway)
        {
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a temporary folder left behind is harmless.
        }
    }
}
