using Dating.Contracts;
using Dating.Profiles.ProfileManagement;

namespace Dating.Profiles.Accounts;

/// <summary>Every field is nullable so that a missing one is a field error, not a silent default.</summary>
internal sealed record RegisterRequest(
    string? Email,
    string? Password,
    string? DisplayName,
    DateOnly? BirthDate,
    Gender? Gender,
    IReadOnlyList<Gender>? InterestedIn,
    string? Bio,
    LocationInput? Location,
    AgeRangeInput? AgeRange,
    int? MaxDistanceKm,
    IReadOnlyList<string?>? Interests);
