namespace Dating.Matching.Recommendations;

/// <summary>
/// The latitude/longitude rectangle that contains every point within a distance of a centre: a cheap,
/// indexable prefilter before the exact haversine distance. Near a pole or the antimeridian it gives up on longitude.
/// </summary>
internal sealed record GeoBox(double LatitudeMin, double LatitudeMax, double LongitudeMin, double LongitudeMax)
{
    public const double EarthRadiusKm = 6371.0088;
    private const double KmPerDegree = Math.PI * EarthRadiusKm / 180;

    public static GeoBox Around(double latitude, double longitude, double radiusKm)
    {
        var dLat = radiusKm / KmPerDegree;
        var latMin = Math.Max(-90, latitude - dLat);
        var latMax = Math.Min(90, latitude + dLat);
        var cos = Math.Cos(Math.Max(Math.Abs(latMin), Math.Abs(latMax)) * Math.PI / 180);
        if (latMin <= -90 || latMax >= 90 || cos <= 1e-9)
        {
            return new GeoBox(latMin, latMax, -180, 180);
        }

        var dLon = radiusKm / (KmPerDegree * cos);
        return longitude - dLon < -180 || longitude + dLon > 180
            ? new GeoBox(latMin, latMax, -180, 180)
            : new GeoBox(latMin, latMax, longitude - dLon, longitude + dLon);
    }
}
