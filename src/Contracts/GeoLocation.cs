namespace Dating.Contracts;

/// <summary>A point in WGS 84 degrees.</summary>
public sealed record GeoLocation(double Latitude, double Longitude);
