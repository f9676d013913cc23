using System.Collections.Concurrent;
using System.Diagnostics;
using Dating.Benchmarks.Reports;
using HdrHistogram;

namespace Dating.Benchmarks.Scenarios.Chat;

/// <summary>Messages sent and not yet seen by their recipient, keyed by their unique text; records each delivery's latency.</summary>
public sealed class DeliveryTracker
{
    private readonly ConcurrentDictionary<string, (long SentAt, Guid Recipient, HistogramBase Histogram)> _pending = new();

    public int Pending => _pending.Count;

    public void Expect(string text, long sentAt, Guid recipient, HistogramBase histogram) => _pending[text] = (sentAt, recipient, histogram);

    public void Forget(string text) => _pending.TryRemove(text, out _);

    public void Received(Guid recipient, ChatMessage message)
    {
        if (_pending.TryGetValue(message.Text, out var expected) && expected.Recipient == recipient && _pending.TryRemove(message.Text, out _))
        {
            Latency.Record(expected.Histogram, Stopwatch.GetElapsedTime(expected.SentAt));
        }
    }

    /// <returns>How many are still missing after <paramref name="timeout"/>; those are dropped.</returns>
    public async Task<int> DrainAsync(TimeSpan timeout, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (!_pending.IsEmpty && waited.Elapsed < timeout)
        {
            await Task.Delay(20, ct);
        }

        var lost = _pending.Count;
        _pending.Clear();
        return lost;
    }
}
