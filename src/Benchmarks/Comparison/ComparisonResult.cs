using Dating.Benchmarks.Profiling;

namespace Dating.Benchmarks.Comparison;

/// <summary>Everything the comparison measured.</summary>
public sealed record ComparisonResult(
    CompareSettings Settings, IReadOnlyList<string> Topologies, IReadOnlyList<ScenarioRun> Runs, IReadOnlyList<FaultRun> Faults, IReadOnlyList<IdleRun> Idle, string SeedOutput)
{
    /// <summary>The profiled windows (with <c>--profile</c>): traces, not measurements.</summary>
    public IReadOnlyList<ProfiledWindow> Profiles { get; init; } = [];

    public CompareOptions Options { get; init; } = CompareOptions.Default;
}
