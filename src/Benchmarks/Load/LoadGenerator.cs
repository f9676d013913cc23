using System.Diagnostics;
using HdrHistogram;

namespace Dating.Benchmarks.Load;

/// <summary>
/// Two ways to load a target. Open model: requests arrive at a fixed rate and each latency is measured
/// from its intended send time, so a stall shows up in the percentiles (no coordinated omission).
/// Closed model: N clients send back to back, which finds the maximum throughput but hides queueing.
/// </summary>
public static class LoadGenerator
{
    private const long MaxLatencyMicros = 60_000_000;

    public static Task<(HistogramBase Latency, int Errors, double Seconds)> OpenAsync(
        Func<int, Task<bool>> send, double ratePerSecond, TimeSpan duration, CancellationToken ct) =>
        OpenAsync((index, _) => send(index), ratePerSecond, duration, ct);

    /// <summary>
    /// The open model; <paramref name="send"/> also gets the intended send time (a <see cref="Stopwatch"/> timestamp), for
    /// latencies measured elsewhere. With <paramref name="stop"/>, it sends until that is cancelled (for an infinite
    /// <paramref name="duration"/>) and then waits for the requests in flight.
    /// </summary>
    public static async Task<(HistogramBase Latency, int Errors, double Seconds)> OpenAsync(
        Func<int, long, Task<bool>> send, double ratePerSecond, TimeSpan duration, CancellationToken ct, CancellationToken stop = default)
    {
        var histogram = new LongConcurrentHistogram(1, MaxLatencyMicros, 3);
        var errors = 0;
        var total = duration == Timeout.InfiniteTimeSpan ? int.MaxValue : (int)(ratePerSecond * duration.TotalSeconds);
        var interval = Stopwatch.Frequency / ratePerSecond;
        var start = Stopwatch.GetTimestamp();
        var inFlight = new List<Task>(Math.Min(total, 1 << 16));
        for (var i = 0; i < total && !stop.IsCancellationRequested; i++)
        {
            var intended = start + (long)(i * interval);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), intended);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, ct);
            }

            var index = i;
            inFlight.Add(Task.Run(async () =>
            {
                var ok = await SafeSend(i => send(i, intended), index);
                histogram.RecordValue(Math.Max(1, (long)Stopwatch.GetElapsedTime(intended).TotalMicroseconds));
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
            }, ct));
        }

        await Task.WhenAll(inFlight);
        return (histogram, errors, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    public static async Task<(HistogramBase Latency, int Errors, double Seconds)> ClosedAsync(
        Func<int, Task<bool>> send, int clients, TimeSpan duration, CancellationToken ct)
    {
        var histogram = new LongConcurrentHistogram(1, MaxLatencyMicros, 3);
        var errors = 0;
        var counter = 0;
        var start = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetElapsedTime(start) < duration && !ct.IsCancellationRequested)
            {
                var sent = Stopwatch.GetTimestamp();
                var ok = await SafeSend(send, Interlocked.Increment(ref counter));
                histogram.RecordValue(Math.Max(1, (long)Stopwatch.GetElapsedTime(sent).TotalMicroseconds));
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }, ct));
        await Task.WhenAll(workers);
        return (histogram, errors, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    private static async Task<bool> SafeSend(Func<int, Task<bool>> send, int index)
    {
        try
        {
            return await send(index);
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }
}
