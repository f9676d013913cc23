using Dating.Contracts;

namespace Dating.Profiles.ProfileManagement;

/// <summary>The cached source of a public profile; the age is computed on read, so a cached entry never gets it wrong.</summary>
internal sealed record PublicProfileSnapshot(
    Guid UserId,
    string DisplayName,
    DateOnly BirthDate,
    string? Bio,
    Gender Gender,
    IReadOnlyList<string> Interests);
