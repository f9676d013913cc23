using Microsoft.Diagnostics.Tracing.Etlx;

namespace Dating.Benchmarks.Profiling;

/// <summary>
/// Reads a <c>.nettrace</c> file with TraceEvent: the managed frames of each thread sample resolve to method names
/// through the method load and rundown events in the same trace; GC starts, JIT compilations and exceptions are counted.
/// </summary>
public static class TraceReader
{
    public const string SampleProfiler = "Microsoft-DotNETCore-SampleProfiler";
    public const string GcStarted = "GC/Start";
    public const string MethodCompiled = "Method/JittingStarted";
    public const string ExceptionThrown = "Exception/Start";
    public const string LockContended = "Contention/Start";

    private static readonly string[] Counted = [GcStarted, MethodCompiled, ExceptionThrown, LockContended];
    private const int MaxDepth = 300;

    public static ProcessProfile Read(string name, string nettrace)
    {
        var aggregator = new SampleAggregator(name);
        var etlx = Path.ChangeExtension(nettrace, ".etlx");
        try
        {
            TraceLog.CreateFromEventPipeDataFile(nettrace, etlx);
            using var log = new TraceLog(etlx);
            foreach (var e in log.Events)
            {
                if (e.ProviderName == SampleProfiler)
                {
                    var managed = string.Equals(e.PayloadByName("Type")?.ToString(), "Managed", StringComparison.Ordinal);
                    aggregator.Add(new ThreadSample(managed, FramesOf(e.CallStack())), e.ThreadID);
                }
                else if (Counted.Contains(e.EventName))
                {
                    aggregator.AddRuntimeEvent(e.EventName);
                }
            }
        }
        finally
        {
            File.Delete(etlx);
        }

        return aggregator.Build();
    }

    private static List<StackFrame> FramesOf(TraceCallStack? stack)
    {
        var frames = new List<StackFrame>();
        for (var frame = stack; frame is not null && frames.Count < MaxDepth; frame = frame.Caller)
        {
            frames.Add(new StackFrame(frame.CodeAddress.ModuleName ?? "", frame.CodeAddress.FullMethodName ?? ""));
        }

        return frames;
    }
}
