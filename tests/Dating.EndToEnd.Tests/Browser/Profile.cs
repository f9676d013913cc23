namespace Dating.EndToEnd.Tests.Browser;

/// <summary>What a person types into the sign-up form. Each test places its people somewhere nobody else is.</summary>
internal sealed record Profile(
    string DisplayName,
    string Email,
    string Password,
    string BirthDate,
    string Gender,
    string[] InterestedIn,
    string Bio,
    double Latitude,
    double Longitude)
{
    public static Profile Woman(string name, (double Latitude, double Longitude) place, string bio) =>
        new(name, NewEmail(name), "correct horse battery", "1994-05-17", "woman", ["man"], bio, place.Latitude, place.Longitude);

    public static Profile Man(string name, (double Latitude, double Longitude) place, string bio) =>
        new(name, NewEmail(name), "correct horse battery", "1992-02-11", "man", ["woman"], bio, place.Latitude, place.Longitude);

    /// <summary>A random spot on land-or-sea away from the poles; a kilometre apart is well within 50 km.</summary>
    public static (double Latitude, double Longitude) SomewhereNew() =>
        (Math.Round(Random.Shared.NextDouble() * 120 - 60, 4), Math.Round(Random.Shared.NextDouble() * 340 - 170, 4));

    public static (double Latitude, double Longitude) NorthOf((double Latitude, double Longitude) place, double km) =>
        (Math.Round(place.Latitude + km / 111.0, 4), place.Longitude);

    private static string NewEmail(string name) => $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
}
