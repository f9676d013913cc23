using System.Diagnostics;
using Dating.Benchmarks.Load;

namespace Dating.Benchmarks.Profiling;

/// <summary>Records every process of a topology with EventPipe while some work runs, into one <c>.nettrace</c> per process.</summary>
public static class TopologyProfiler
{
    public const string AtRest = "at rest";

    /// <param name="window">At rest, or the name of the scenario the window repeats (its measured runs give the CPU per operation).</param>
    /// <param name="unit">What one operation of the window is called in the report ("session", "read").</param>
    public static async Task<ProfiledWindow> RecordAsync(
        string topology, string window, string unit, IReadOnlyList<MeteredProcess> processes, Func<IEnumerable<int>> backing, string folder,
        Func<Task<(long Operations, int Errors)>> work, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var traces = processes.Select(p => new ProcessTrace(p.Name, p.Pid, Path.Combine(folder, FileName(topology, p.Name, window)))).ToList();
        var recorders = await Task.WhenAll(traces.Select(t => EventPipeRecorder.StartAsync(t.Pid, t.File, ct)));
        try
        {
            await using var meter = ResourceMeter.Start(() => processes, backing);
            var elapsed = Stopwatch.StartNew();
            var (operations, errors) = await work();
            var seconds = elapsed.Elapsed.TotalSeconds;
            var usage = await meter.StopAsync();
            await Task.WhenAll(recorders.Select(r => r.StopAsync(ct)));
            return new ProfiledWindow(topology, window, seconds, operations, errors, usage, traces) { Unit = unit };
        }
        finally
        {
            foreach (var recorder in recorders)
            {
                await recorder.DisposeAsync();
            }
        }
    }

    /// <summary><c>microservices-gateway-mixed-session-max-closed-loop.nettrace</c>: topology, process and window, in file-name characters.</summary>
    public static string FileName(string topology, string process, string window) =>
        $"{Slug(topology)}-{Slug(process)}-{Slug(window)}.nettrace";

    private static string Slug(string text) =>
        string.Join('-', new string([.. text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
