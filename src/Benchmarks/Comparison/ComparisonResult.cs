namespace Dating.Benchmarks.Comparison;

/// <summary>Everything the comparison measured.</summary>
public sealed record ComparisonResult(
    CompareSettings Settings, IReadOnlyList<string> Topologies, IReadOnlyList<ScenarioRun> Runs, IReadOnlyList<FaultRun> Faults, IReadOnlyList<IdleRun> Idle, string SeedOutput);
