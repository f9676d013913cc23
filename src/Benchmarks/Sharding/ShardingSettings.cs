namespace Dating.Benchmarks.Sharding;

/// <summary>
/// The sharding verb's two parts: one resharding under load (<see cref="Resharding"/>), then swipe throughput per shard
/// count, a fresh stack per run, the counts alternated (<see cref="ShardCounts"/> × <see cref="Rounds"/>). With no shard
/// counts (quick), one throughput round runs on the resharding stack before its change.
/// </summary>
public sealed record ShardingSettings(ReshardingSettings Resharding, ThroughputSettings Throughput, IReadOnlyList<int> ShardCounts, int Rounds)
{
    public static ShardingSettings Full { get; } = new(
        new ReshardingSettings(SeededUsers: 100_000, SwipesPerUser: 20, FromShards: 4, Swipers: 100, SwipesPerSecond: 100,
            Before: TimeSpan.FromSeconds(20), After: TimeSpan.FromSeconds(10)),
        new ThroughputSettings(SeededUsers: 10_000, Swipers: 100, SwipesPerSecond: 100, FixedDuration: TimeSpan.FromSeconds(20),
            Clients: 16, ClosedDuration: TimeSpan.FromSeconds(15), MatchReadsPerSecond: 50, MatchReadsDuration: TimeSpan.FromSeconds(10)),
        ShardCounts: [1, 2, 4], Rounds: 2);

    public static ShardingSettings Quick { get; } = new(
        new ReshardingSettings(SeededUsers: 2_000, SwipesPerUser: 3, FromShards: 2, Swipers: 10, SwipesPerSecond: 30,
            Before: TimeSpan.FromSeconds(3), After: TimeSpan.FromSeconds(2)),
        new ThroughputSettings(SeededUsers: 2_000, Swipers: 10, SwipesPerSecond: 30, FixedDuration: TimeSpan.FromSeconds(2),
            Clients: 4, ClosedDuration: TimeSpan.FromSeconds(2), MatchReadsPerSecond: 20, MatchReadsDuration: TimeSpan.FromSeconds(2)),
        ShardCounts: [], Rounds: 1);
}
