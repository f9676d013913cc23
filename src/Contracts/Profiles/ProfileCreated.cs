namespace Dating.Contracts.Profiles;

/// <summary>A new account finished registration and has a profile other services may show.</summary>
[IntegrationEvent("profile-created", 1)]
public sealed record ProfileCreated(
    Guid UserId,
    string DisplayName,
    DateOnly BirthDate,
    Gender Gender,
    IReadOnlyList<Gender> InterestedIn,
    AgeRange AgeRange,
    int MaxDistanceKm,
    GeoLocation Location,
    string? Bio,
    IReadOnlyList<string> Interests,
    DateTimeOffset OccurredAt);
