using System.Collections.Concurrent;

namespace Dating.Benchmarks.Comparison;

/// <summary>Every step of the mixed sessions: which, when it started and ended (Stopwatch timestamps), and whether it succeeded.</summary>
public sealed class StepLog
{
    private readonly ConcurrentQueue<(string Step, long StartedAt, long EndedAt, bool Ok)> _entries = new();

    public IReadOnlyCollection<(string Step, long StartedAt, long EndedAt, bool Ok)> Entries => _entries;

    public void Add(string step, long startedAt, bool ok) => _entries.Enqueue((step, startedAt, System.Diagnostics.Stopwatch.GetTimestamp(), ok));
}
