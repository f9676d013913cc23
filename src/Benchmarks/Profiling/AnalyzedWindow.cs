namespace Dating.Benchmarks.Profiling;

/// <summary>A profiled window with each process's trace read.</summary>
public sealed record AnalyzedWindow(ProfiledWindow Window, IReadOnlyList<ProcessProfile> Processes)
{
    /// <summary>Reads every trace of every window, one after the other (after the run: reading is CPU work of its own).</summary>
    public static IReadOnlyList<AnalyzedWindow> ReadAll(IReadOnlyList<ProfiledWindow> windows, Action<string> log) =>
    [
        .. windows.Select(w => new AnalyzedWindow(w, [
            .. w.Traces.Select(t =>
            {
                log($"reading {Path.GetFileName(t.File)} ({new FileInfo(t.File).Length / 1048576.0:0.0} MB)");
                return TraceReader.Read(t.Name, t.File);
            }),
        ])),
    ];
}
