namespace Dating.Benchmarks.Scenarios.Matching;

/// <summary>
/// <see cref="SeededUsers"/> synthetic users in the read model; <see cref="Users"/> real users registered in Paris who read
/// recommendations and swipe; the batch job measured over <see cref="BatchUsers"/> active users, its timer at <see cref="BatchInterval"/>.
/// </summary>
public sealed record MatchingSettings(int SeededUsers, int Users, int Clients, TimeSpan HitDuration, int SwipesPerUser, int BatchUsers, TimeSpan BatchInterval)
{
    public static MatchingSettings Full { get; } = new(100_000, 200, 8, TimeSpan.FromSeconds(20), 50, 10_000, TimeSpan.FromMinutes(5));

    public static MatchingSettings Quick { get; } = new(2_000, 10, 4, TimeSpan.FromSeconds(2), 20, 300, TimeSpan.FromSeconds(15));
}
