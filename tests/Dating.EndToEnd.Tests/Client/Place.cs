namespace Dating.EndToEnd.Tests.Client;

/// <summary>A point on the map (WGS 84 degrees).</summary>
public sealed record Place(double Latitude, double Longitude)
{
    private const double KmPerDegreeOfLatitude = 111.195;

    /// <summary>
    /// Somewhere at random, so the people of one test live far from everyone else in the run: recommendations
    /// then hold that test's people only (a 50 km radius is a tiny part of this band).
    /// </summary>
    public static Place Somewhere() => new(-55 + Random.Shared.NextDouble() * 110, -175 + Random.Shared.NextDouble() * 350);

    public Place North(double km) => this with { Latitude = Latitude + km / KmPerDegreeOfLatitude };

    public object ToJson() => new { latitude = Latitude, longitude = Longitude };
}
