namespace Dating.Benchmarks.Locality;

/// <summary>
/// <see cref="Users"/> users, each asking for recommendations once every <see cref="Period"/>, against 2 matching replicas
/// whose card caches hold <see cref="Capacity"/> cards each: more than half the users (consistent hashing gives each
/// replica about half, which fits) but fewer than all of them (what every replica sees under PowerOfTwoChoices).
/// </summary>
public sealed record LocalitySettings(int Users, int Capacity, TimeSpan Period, TimeSpan Warmup, TimeSpan Duration, int Rounds)
{
    public const int MatchingReplicas = 2;

    public static LocalitySettings Full { get; } = new(300, 200, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(45), 2);

    public static LocalitySettings Quick { get; } = new(30, 20, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), 1);

    public double RatePerSecond => Users / Period.TotalSeconds;
}
