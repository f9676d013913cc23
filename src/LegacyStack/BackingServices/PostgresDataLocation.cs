namespace Dating.AppHost.BackingServices;

/// <summary>
/// As root the cluster belongs to the postgres user, which must be able to traverse every parent
/// folder. A clone under /root is not traversable, so its cluster goes to /var/tmp instead.
/// </summary>
internal static class PostgresDataLocation
{
    private static readonly Dictionary<string, string> Resolved = [];

    public static string Resolve(string preferred, Action<string> log)
    {
        lock (Resolved)
        {
            if (Resolved.TryGetValue(preferred, out var known))
            {
                return known;
            }

            var resolved = preferred;
            if (Processes.Signals.IsRoot && !EveryParentTraversable(preferred))
            {
                var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(preferred)))[..12];
                resolved = Path.Combine("/var/tmp", $"dating-postgres-{hash}");
                log($"postgres: {preferred} is below a folder the postgres user cannot enter; using {resolved}");
                Directory.CreateDirectory(resolved);
                // The stand-in folder is found again from the preferred one.
                Directory.CreateDirectory(preferred);
                File.WriteAllText(Path.Combine(preferred, "LOCATION"), resolved);
            }

            Resolved[preferred] = resolved;
            return resolved;
        }
    }

    private static bool EveryParentTraversable(string path)
    {
        for (var directory = new DirectoryInfo(Path.GetFullPath(path)).Parent; directory is not null; directory = directory.Parent)
        {
            if (directory.Exists && !OperatingSystem.IsWindows() && !directory.UnixFileMode.HasFlag(UnixFileMode.OtherExecute))
            {
                return false;
            }
        }

        return true;
    }
}
