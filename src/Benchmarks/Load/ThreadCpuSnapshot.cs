namespace Dating.Benchmarks.Load;

/// <summary>CPU ticks (user + system) of every thread of a process with the thread's name, from <c>/proc/&lt;pid&gt;/task</c>.</summary>
public static class ThreadCpuSnapshot
{
    public static IReadOnlyDictionary<int, (string Name, long Ticks)> Of(int pid)
    {
        var threads = new Dictionary<int, (string, long)>();
        try
        {
            foreach (var directory in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                if (int.TryParse(Path.GetFileName(directory), out var tid) && Read(directory) is { } thread)
                {
                    threads[tid] = thread;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // the process is gone
        }

        return threads;
    }

    public static string ProcessName(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static (string Name, long Ticks)? Read(string directory)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(directory, "stat"));
            var name = File.ReadAllText(Path.Combine(directory, "comm")).TrimEnd('\n');
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (name, long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
