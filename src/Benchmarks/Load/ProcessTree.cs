namespace Dating.Benchmarks.Load;

/// <summary>
/// Processes and their descendants, from /proc: PostgreSQL serves each connection from a child process,
/// RabbitMQ and Azurite may fork helpers, so a server's cost is its whole tree.
/// </summary>
public static class ProcessTree
{
    public static IReadOnlyList<int> WithDescendants(IEnumerable<int> roots)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || ParentOf(pid) is not { } parent)
            {
                continue;
            }

            if (!children.TryGetValue(parent, out var list))
            {
                children[parent] = list = [];
            }

            list.Add(pid);
        }

        var all = new List<int>();
        var pending = new Stack<int>(roots.Where(p => p > 0));
        while (pending.TryPop(out var pid))
        {
            if (all.Contains(pid))
            {
                continue;
            }

            all.Add(pid);
            foreach (var child in children.GetValueOrDefault(pid) ?? [])
            {
                pending.Push(child);
            }
        }

        return all;
    }

    /// <summary>
    /// Proportional set size in bytes: resident memory with each shared page split among the processes sharing it, so that
    /// PostgreSQL's shared buffers, mapped by every backend, count once in a sum. 0 for a process that is gone.
    /// Falls back to the resident set size where smaps_rollup is missing.
    /// </summary>
    public static long ProportionalBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/smaps_rollup"))
            {
                if (line.StartsWith("Pss:", StringComparison.Ordinal))
                {
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            // gone, or no smaps_rollup: the resident set size below
        }

        try
        {
            var statm = File.ReadAllText($"/proc/{pid}/statm").Split(' ');
            return long.Parse(statm[1], System.Globalization.CultureInfo.InvariantCulture) * Environment.SystemPageSize;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
