namespace Dating.Matching.Recommendations;

/// <summary>A compatible user as the caller would see them, with the distance between the two.</summary>
internal sealed record Candidate(
    Guid UserId,
    string DisplayName,
    DateOnly BirthDate,
    double DistanceKm,
    string? Bio,
    string[] Interests,
    Guid? PhotoId);
