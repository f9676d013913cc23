namespace Dating.Benchmarks.Sharding;

/// <summary>What the sharding verb measured: the resharding, and the throughput runs in the order they ran.</summary>
public sealed record ShardingResult(ReshardingResult Resharding, IReadOnlyList<ThroughputRun> Throughput);
