using Dating.Contracts;

namespace Dating.Profiles.ProfileManagement;

/// <summary>
/// The cached source of a public profile, the same for every caller (blocks are checked per caller, outside it);
/// the age is computed on read, so a cached entry never gets it wrong.
/// </summary>
internal sealed record PublicProfileSnapshot(
    Guid UserId,
    string DisplayName,
    DateOnly BirthDate,
    string? Bio,
    Gender Gender,
    IReadOnlyList<string> Interests,
    IReadOnlyList<Guid> PhotoIds);
