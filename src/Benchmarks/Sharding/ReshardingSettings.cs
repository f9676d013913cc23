namespace Dating.Benchmarks.Sharding;

/// <summary>
/// <see cref="SeededUsers"/> synthetic users, each with <see cref="SwipesPerUser"/> swipes copied onto the shards; the map
/// first names <see cref="FromShards"/> shard servers of <see cref="FromShards"/> + 1 started, and <c>shards add</c> adds
/// the last while <see cref="Swipers"/> registered users swipe seeded ones at <see cref="SwipesPerSecond"/> through the
/// gateway, from <see cref="Before"/> ahead of it to <see cref="After"/> past it.
/// </summary>
public sealed record ReshardingSettings(int SeededUsers, int SwipesPerUser, int FromShards, int Swipers, double SwipesPerSecond, TimeSpan Before, TimeSpan After)
{
    public int ToShards => FromShards + 1;
}
