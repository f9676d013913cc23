using Dating.Contracts;

namespace Dating.Profiles.ProfileManagement;

/// <summary>A full replacement of the editable fields; bio and interests may be left out (none).</summary>
internal sealed record UpdateProfileRequest(
    string? DisplayName,
    string? Bio,
    Gender? Gender,
    IReadOnlyList<Gender>? InterestedIn,
    AgeRangeInput? AgeRange,
    int? MaxDistanceKm,
    LocationInput? Location,
    IReadOnlyList<string?>? Interests);
