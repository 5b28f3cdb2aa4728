using CityTwin.Twin.Cameras;
using CityTwin.Twin.Spatial;

namespace CityTwin.Twin.Tests.Spatial;

public sealed class ViewAreaTests
{
    private static readonly GeoPoint AnPhu = new(106.7519, 10.8025);

    [Fact]
    public void Compute_Ptz360_IsDiscOfRangeArea()
    {
        var area = ViewArea.Compute(AnPhu, 0, 360, 1000);
        var metres = MetricProjection.ToMetric(area).Area;
        // A 64-gon inscribed in the circle has 99.84 % of its area.
        Assert.InRange(metres, Math.PI * 1000 * 1000 * 0.995, Math.PI * 1000 * 1000);
        Assert.Equal(GeoFactory.Wgs84Srid, area.SRID);
        Assert.True(area.IsValid);
    }

    [Theory]
    [InlineData(60, 100)]
    [InlineData(90, 250)]
    public void Compute_Sector_HasSectorArea(double fov, double range)
    {
        var metres = MetricProjection.ToMetric(ViewArea.Compute(AnPhu, 45, fov, range)).Area;
        var expected = Math.PI * range * range * fov / 360;
        Assert.InRange(metres, expected * 0.99, expected * 1.0001);
    }

    [Fact]
    public void Compute_HeadingEast_ReachesEastNotWest()
    {
        var area = MetricProjection.ToMetric(ViewArea.Compute(AnPhu, 90, 40, 200));
        var centre = MetricProjection.ToMetric(AnPhu.ToPoint());
        Assert.InRange(area.EnvelopeInternal.MaxX - centre.Coordinate.X, 199, 201);
        Assert.InRange(centre.Coordinate.X - area.EnvelopeInternal.MinX, -0.001, 0.001);
    }

    [Theory]
    [InlineData(0, 60, 0)]
    [InlineData(0, 0, 100)]
    [InlineData(0, 400, 100)]
    [InlineData(double.NaN, 60, 100)]
    [InlineData(0, 60, 50_000)]
    public void Compute_BadParameters_Throws(double heading, double fov, double range) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ViewArea.Compute(AnPhu, heading, fov, range));

    [Fact]
    public void Compute_InvalidLocation_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ViewArea.Compute(new GeoPoint(200, 10), 0, 60, 100));
}
