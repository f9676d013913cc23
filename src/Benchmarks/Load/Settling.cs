using System.Diagnostics;

namespace Dating.Benchmarks.Load;

/// <summary>
/// Waits for processes to come to rest: their CPU together under a bound for two one-second windows in a row. After a
/// warm-up a .NET process keeps working with no load for a minute or more (the tiered JIT recompiles what the warm-up
/// ran, in a background thread), and a measurement that starts meanwhile pays for it: more so with five processes on
/// two cores than with one.
/// </summary>
public static class Settling
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    /// <returns>Seconds until the processes were at rest, or null when they were not within <paramref name="limit"/>.</returns>
    public static async Task<double?> UntilRestAsync(Func<IEnumerable<int>> pids, double restCores, TimeSpan limit, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var (lastCpu, lastAt) = (ProcessCpu.Of(pids()), clock.Elapsed);
        var quiet = 0;
        while (clock.Elapsed < limit)
        {
            await Task.Delay(Window, ct);
            var (cpu, at) = (ProcessCpu.Of(pids()), clock.Elapsed);
            var cores = (cpu - lastCpu).TotalSeconds / (at - lastAt).TotalSeconds;
            (lastCpu, lastAt) = (cpu, at);
            quiet = cores < restCores ? quiet + 1 : 0;
            if (quiet == 2)
            {
                return at.TotalSeconds;
            }
        }

        return null;
    }
}
