namespace Dating.Benchmarks.Load;

/// <summary>CPU time (user + system) of a set of processes, from /proc: what a request really costs on a shared machine.</summary>
public static class ProcessCpu
{
    public const double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan Of(IEnumerable<int> pids) =>
        TimeSpan.FromSeconds(pids.Sum(pid => TicksOf(pid)) / TicksPerSecond);

    private static long TicksOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // Fields 14 and 15 of stat (utime, stime), counted from after the command name.
            return long.Parse(fields[11]) + long.Parse(fields[12]);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
