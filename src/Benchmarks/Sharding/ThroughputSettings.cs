namespace Dating.Benchmarks.Sharding;

/// <summary>
/// Per run: swipes of <see cref="Swipers"/> registered users on <see cref="SeededUsers"/> seeded ones at a fixed rate
/// (latency), then by <see cref="Clients"/> closed-loop clients (the maximum), then "my matches" at a fixed rate.
/// </summary>
public sealed record ThroughputSettings(
    int SeededUsers, int Swipers, double SwipesPerSecond, TimeSpan FixedDuration, int Clients, TimeSpan ClosedDuration,
    double MatchReadsPerSecond, TimeSpan MatchReadsDuration);
