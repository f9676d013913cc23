namespace Dating.Benchmarks.Profiling;

/// <summary>
/// What the samples of one process say: how many were CPU (running, or in native code that is not a wait) and where
/// that CPU went, by component (<see cref="FrameBuckets.ComponentOf"/>), by leaf method and by inclusive method.
/// <see cref="BusyThreads"/> checks the sampling against /proc: CPU samples per sampling tick (the most samples any one
/// thread got), the threads that were not waiting on average: running, or ready to run and waiting for a core.
/// </summary>
public sealed record ProcessProfile(
    string Name,
    int Threads,
    double BusyThreads,
    int Samples,
    int CpuSamples,
    int WaitingSamples,
    IReadOnlyList<ComponentShare> Components,
    IReadOnlyList<MethodCount> TopExclusive,
    IReadOnlyList<MethodCount> TopInclusive,
    IReadOnlyList<MethodCount> TopWaits,
    IReadOnlyDictionary<string, int> RuntimeEvents)
{
    public double Share(int samples) => CpuSamples == 0 ? 0 : (double)samples / CpuSamples;
}

/// <param name="Exclusive">CPU samples charged to the component (nearest named frame from the leaf).</param>
/// <param name="Inclusive">CPU samples with the component anywhere on the stack.</param>
public sealed record ComponentShare(string Component, int Exclusive, int Inclusive);

public sealed record MethodCount(string Method, string Bucket, int Samples);
