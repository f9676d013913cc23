using Dating.Matching.Recommendations;

namespace Dating.Matching.Tests.Recommendations;

public sealed class GeoBoxTests
{
    [Theory]
    [InlineData(52.52, 13.405, 50)]
    [InlineData(-33.87, 151.21, 150)]
    [InlineData(69.65, 18.96, 300)]
    [InlineData(0, 179.9, 80)]
    [InlineData(89.5, 0, 100)]
    public void Every_point_within_the_radius_lies_inside_the_box(double latitude, double longitude, double radiusKm)
    {
        var box = GeoBox.Around(latitude, longitude, radiusKm);
        var random = new Random(7);
        for (var i = 0; i < 5000; i++)
        {
            var (lat, lon) = Destination(latitude, longitude, random.NextDouble() * radiusKm * 0.999, random.NextDouble() * 360);
            lat.ShouldBeInRange(box.LatitudeMin, box.LatitudeMax);
            lon.ShouldBeInRange(box.LongitudeMin, box.LongitudeMax);
        }
    }

    [Fact]
    public void The_box_is_tight_enough_to_be_worth_an_index()
    {
        var box = GeoBox.Around(52.52, 13.405, 50);

        (box.LatitudeMax - box.LatitudeMin).ShouldBe(0.9, tolerance: 0.01);
        (box.LongitudeMax - box.LongitudeMin).ShouldBeLessThan(1.6);
    }

    // The point reached by travelling distanceKm from a start at a bearing, on a sphere.
    private static (double Latitude, double Longitude) Destination(double latitude, double longitude, double distanceKm, double bearingDegrees)
    {
        var d = distanceKm / GeoBox.EarthRadiusKm;
        var b = bearingDegrees * Math.PI / 180;
        var lat1 = latitude * Math.PI / 180;
        var lon1 = longitude * Math.PI / 180;
        var lat2 = Math.Asin(Math.Sin(lat1) * Math.Cos(d) + Math.Cos(lat1) * Math.Sin(d) * Math.Cos(b));
        var lon2 = lon1 + Math.Atan2(Math.Sin(b) * Math.Sin(d) * Math.Cos(lat1), Math.Cos(d) - Math.Sin(lat1) * Math.Sin(lat2));
        var lon = (lon2 * 180 / Math.PI + 540) % 360 - 180;
        return (lat2 * 180 / Math.PI, lon);
    }
}
