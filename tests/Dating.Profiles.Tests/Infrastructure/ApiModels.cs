namespace Dating.Profiles.Tests.Infrastructure;

public sealed record SessionResult(Guid UserId, string Token, DateTimeOffset ExpiresAt);

public sealed record CurrentSession(Guid UserId, DateTimeOffset ExpiresAt);

public sealed record GeoPoint(double Latitude, double Longitude);

public sealed record AgeRangeModel(int Min, int Max);

public sealed record OwnProfile(
    Guid UserId,
    string Email,
    string DisplayName,
    DateOnly BirthDate,
    int Age,
    string? Bio,
    string Gender,
    string[] InterestedIn,
    AgeRangeModel AgeRange,
    int MaxDistanceKm,
    GeoPoint Location,
    string[] Interests);

public sealed record PublicProfile(Guid UserId, string DisplayName, int Age, string? Bio, string Gender, string[] Interests);
