namespace Dating.Benchmarks.Scenarios.Matching;

/// <summary>
/// <see cref="SeededUsers"/> synthetic users in the read model; <see cref="Users"/> real users registered in Paris who read
/// recommendations and swipe; the batch job measured over <see cref="BatchUsers"/> active users, its timer at <see cref="BatchInterval"/>.
/// </summary>
public sealed record MatchingSettings(int SeededUsers, int Users, int Clients, TimeSpan HitDuration, int SwipesPerUser, int BatchUsers, TimeSpan BatchInterval)
{
    public static MatchingSettings Full { get; } = new(100_000, 200, 8, TimeSpan.FromSeconds(20), 50, 10_000, TimeSpan.FromMinutes(5));

    public static MatchingSettings Quick { get; } = new(2_000, 10, 4, TimeSpan.FromSeconds(2), 20, 300, TimeSpan.FromSeconds(15));

    /// <summary>The stack runs with <c>--ha</c>, and the batch is also timed with the standby streaming and stopped, alternating.</summary>
    public bool HighAvailability { get; init; }

    /// <summary>Batches timed each way under <c>--ha</c>, alternating: with the standby, without, with, without.</summary>
    public int StandbyRounds { get; init; } = 2;

    /// <summary>
    /// Under <c>--ha</c>: batches of at most 2,000 active users every minute (about 25 s each at the last full run's
    /// 12.6 ms per user), so that five batches fit in minutes, not the default interval's half hour.
    /// </summary>
    public MatchingSettings WithHighAvailability() => this with
    {
        HighAvailability = true,
        BatchUsers = Math.Min(BatchUsers, 2_000),
        BatchInterval = BatchInterval < TimeSpan.FromMinutes(1) ? BatchInterval : TimeSpan.FromMinutes(1),
        StandbyRounds = BatchInterval < TimeSpan.FromMinutes(1) ? 1 : 2,
    };
}
