using Dating.Contracts;

namespace Dating.Matching.Tests.Infrastructure;

/// <summary>
/// Every host of the run receives every test's profile events, so each test places its users somewhere
/// of its own, far from the others'.
/// </summary>
public static class Places
{
    public static GeoLocation Somewhere() =>
        new(Random.Shared.NextDouble() * 100 - 50, Random.Shared.NextDouble() * 300 - 150);

    /// <summary>A point <paramref name="km"/> north of <paramref name="origin"/>.</summary>
    public static GeoLocation North(this GeoLocation origin, double km) => origin with { Latitude = origin.Latitude + km / 111.195 };
}
