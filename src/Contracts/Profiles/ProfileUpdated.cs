namespace Dating.Contracts.Profiles;

/// <summary>The full current state of a profile after a change (consumers replace, never merge).</summary>
[IntegrationEvent("profile-updated", 1)]
public sealed record ProfileUpdated(
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
