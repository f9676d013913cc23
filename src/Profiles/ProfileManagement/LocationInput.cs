namespace Dating.Profiles.ProfileManagement;

/// <summary>WGS 84 degrees as the client sends them; nullable so a missing value is reported, not read as 0.</summary>
internal sealed record LocationInput(double? Latitude, double? Longitude);
