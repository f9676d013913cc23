namespace Dating.Benchmarks.Load;

/// <summary>
/// CPU time of one service (all its replicas) during a measurement, and how it splits over the kinds of thread that
/// spent it (<see cref="ThreadKinds"/>). Threads that ended during the measurement are not in <see cref="Threads"/>:
/// the gap to <see cref="CpuSeconds"/> is theirs.
/// </summary>
public sealed record ProcessUsage(string Name, double CpuSeconds, IReadOnlyList<ThreadCpu> Threads);

/// <summary>CPU seconds of one kind of thread in a process.</summary>
public sealed record ThreadCpu(string Kind, double CpuSeconds);

public static class ThreadCpuSums
{
    /// <summary>The CPU seconds of the threads of <paramref name="kinds"/> among <paramref name="threads"/>.</summary>
    public static double CpuOf(this IEnumerable<ThreadCpu> threads, params string[] kinds) =>
        threads.Where(t => kinds.Contains(t.Kind)).Sum(t => t.CpuSeconds);
}
