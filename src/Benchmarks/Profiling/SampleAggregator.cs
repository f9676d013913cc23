namespace Dating.Benchmarks.Profiling;

/// <summary>Turns one process's thread samples into its <see cref="ProcessProfile"/>.</summary>
public sealed class SampleAggregator(string name, int top = 25)
{
    private readonly Dictionary<string, int> _exclusive = [];
    private readonly Dictionary<string, int> _inclusive = [];
    private readonly Dictionary<string, int> _waits = [];
    private readonly Dictionary<string, int> _components = [];
    private readonly Dictionary<string, int> _componentsInclusive = [];
    private readonly Dictionary<string, string> _buckets = [];
    private readonly Dictionary<string, int> _runtimeEvents = [];
    private readonly Dictionary<int, (int Samples, int Cpu)> _threads = [];
    private int _samples;
    private int _cpu;
    private int _waiting;

    public void Add(ThreadSample sample, int threadId = 0)
    {
        if (sample.Frames.Count == 0)
        {
            return;
        }

        _samples++;
        var leaf = Leaf(sample.Frames);
        var waiting = WaitFrames.IsWaiting(sample);
        var thread = _threads.GetValueOrDefault(threadId);
        _threads[threadId] = (thread.Samples + 1, thread.Cpu + (waiting ? 0 : 1));
        if (waiting)
        {
            _waiting++;
            Count(_waits, leaf);
            return;
        }

        _cpu++;
        Count(_exclusive, leaf);
        Count(_components, FrameBuckets.ComponentOf(sample.Frames).Name);
        var seen = new HashSet<string>();
        var components = new HashSet<string>();
        foreach (var frame in sample.Frames)
        {
            var bucket = FrameBuckets.Of(frame);
            if (!bucket.Plumbing)
            {
                components.Add(bucket.Name);
                var method = Remember(frame);
                if (seen.Add(method))
                {
                    Count(_inclusive, method);
                }
            }
        }

        foreach (var component in components)
        {
            Count(_componentsInclusive, component);
        }
    }

    /// <summary>Counts a runtime event of the window (GC start, a method compiled, an exception thrown).</summary>
    public void AddRuntimeEvent(string what) => Count(_runtimeEvents, what);

    public ProcessProfile Build() => new(
        name,
        _threads.Count,
        // Every thread is sampled at every tick: the thread sampled most often was there for all of them.
        _threads.Count == 0 ? 0 : (double)_cpu / _threads.Values.Max(t => t.Samples),
        _samples,
        _cpu,
        _waiting,
        [
            .. FrameBuckets.All.Select(b => new ComponentShare(b.Name, _components.GetValueOrDefault(b.Name), _componentsInclusive.GetValueOrDefault(b.Name)))
                .Where(c => c.Exclusive > 0 || c.Inclusive > 0)
                .OrderByDescending(c => c.Exclusive).ThenByDescending(c => c.Inclusive),
        ],
        Top(_exclusive),
        Top(_inclusive),
        Top(_waits, 8),
        _runtimeEvents);

    private List<MethodCount> Top(Dictionary<string, int> counts, int? take = null) =>
        [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(take ?? top).Select(c => new MethodCount(c.Key, _buckets[c.Key], c.Value))];

    /// <summary>The leaf method: the first frame with a name (a P/Invoke's or a helper's stub has none).</summary>
    private string Leaf(IReadOnlyList<StackFrame> frames)
    {
        var named = frames.FirstOrDefault(f => !FrameBuckets.IsUnresolved(f));
        if (named is null)
        {
            return Remember(frames[0]);
        }

        var method = Remember(named);
        if (ReferenceEquals(named, frames[0]))
        {
            return method;
        }

        var below = $"{method} → native";
        _buckets.TryAdd(below, _buckets[method]);
        return below;
    }

    private string Remember(StackFrame frame)
    {
        var method = FrameBuckets.IsUnresolved(frame) ? $"(unresolved: a stub or native code{(frame.Module.Length > 0 ? $" in {frame.Module}" : "")})" : frame.ShortName;
        _buckets.TryAdd(method, FrameBuckets.Of(frame).Name);
        return method;
    }

    private static void Count(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
