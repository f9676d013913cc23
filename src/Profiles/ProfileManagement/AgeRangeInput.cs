namespace Dating.Profiles.ProfileManagement;

internal sealed record AgeRangeInput(int? Min, int? Max);
