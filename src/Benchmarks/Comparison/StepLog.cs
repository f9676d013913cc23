using System.Collections.Concurrent;
using System.Diagnostics;

namespace Dating.Benchmarks.Comparison;

/// <summary>Every step of the mixed sessions: which, when it started and ended (Stopwatch timestamps), and whether it succeeded.</summary>
public sealed class StepLog
{
    private readonly ConcurrentQueue<(string Step, long StartedAt, long EndedAt, bool Ok)> _entries = new();

    public IReadOnlyCollection<(string Step, long StartedAt, long EndedAt, bool Ok)> Entries => _entries;

    public void Add(string step, long startedAt, bool ok) => _entries.Enqueue((step, startedAt, Stopwatch.GetTimestamp(), ok));

    /// <summary>Runs one step into <paramref name="log"/> (when there is one): a request that fails at the transport counts as a failed step.</summary>
    public static async Task<bool> RunAsync(string name, Func<Task<bool>> step, StepLog? log)
    {
        var started = Stopwatch.GetTimestamp();
        bool ok;
        try
        {
            ok = await step();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            ok = false;
        }

        log?.Add(name, started, ok);
        return ok;
    }
}
