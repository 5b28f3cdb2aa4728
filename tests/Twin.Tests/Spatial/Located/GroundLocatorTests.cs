using CityTwin.Twin.Cameras;
using CityTwin.Twin.Common;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Spatial.Located;
using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Tests.Spatial.Located;

/// <summary>
/// Image region → ground point and polygon, against positions worked out by hand in UTM 48N (EPSG:32648) from the
/// Tân Thuận Đông tower cam-tth-ptz-01 (106.738° E, 10.754° N); E0, N0 are its easting and northing.
/// </summary>
public sealed class GroundLocatorTests
{
    private static readonly GeoPoint Tower = new(106.738, 10.754);
    private static readonly Coordinate TowerUtm = MetricProjection.ToMetric(Tower);

    /// <summary>50 m up, looking due east, 5° below the horizon, 60° wide at zoom 1, a 1920×1080 image.</summary>
    private static readonly CameraSight EastFacing = new(Tower, 50, 1000, new PtzPose(90, 5, 60, 1, 1920, 1080));

    [Fact]
    public void Locate_RegionWhoseBottomIsTheImageCentre_GroundPointAlongPanAtHeightOverTanTilt()
    {
        // The bottom centre of the box is the image centre, so the ray is the optical axis: bearing 90° (east),
        // depression 5°. Ground distance = 50 m / tan 5° = 50 / 0.0874887 = 571.50 m, so the point is at
        // (E0 + 571.50, N0 + 0) in UTM 48N.
        var fix = GroundLocator.Locate(EastFacing, new ImageRegion(0.45, 0.40, 0.10, 0.10), bearingDeg: null);

        var point = MetricProjection.ToMetric(fix.Point);
        Assert.Equal(TowerUtm.X + 571.50, point.X, 0.5);
        Assert.Equal(TowerUtm.Y, point.Y, 0.5);
        Assert.Equal(LocationQuality.Located, fix.Quality);
        Assert.Equal(90, fix.BearingDeg!.Value, 3);
    }

    [Fact]
    public void Locate_Region_PolygonHoldsPointsWithinThePointingErrorAndNotBeyond()
    {
        // Pointing error 0.3° plus one pixel row (60° horizontal at 16:9 gives a vertical FOV of
        // 2·atan(tan 30° · 1080/1920) = 35.98°, so 0.0333° a row): depression 5° ± 0.333°.
        // Near = 50 / tan 5.333° = 535.5 m; far = 50 / tan 4.667° = 612.5 m (by hand).
        var fix = GroundLocator.Locate(EastFacing, new ImageRegion(0.45, 0.40, 0.10, 0.10), bearingDeg: null);
        var area = MetricProjection.ToMetric(fix.AreaPolygon());

        Assert.True(area.Covers(UtmPoint(TowerUtm.X + 540, TowerUtm.Y)), "540 m east lies between near and far");
        Assert.True(area.Covers(UtmPoint(TowerUtm.X + 608, TowerUtm.Y)), "608 m east lies between near and far");
        Assert.False(area.Covers(UtmPoint(TowerUtm.X + 530, TowerUtm.Y)), "530 m east is nearer than the near range");
        Assert.False(area.Covers(UtmPoint(TowerUtm.X + 620, TowerUtm.Y)), "620 m east is farther than the far range");
        Assert.False(area.Covers(UtmPoint(TowerUtm.X + 571, TowerUtm.Y + 100)), "100 m north of the ray is outside the box's bearings");
    }

    [Fact]
    public void Locate_RegionAboveTheHorizon_CappedAtTheCameraRange()
    {
        // Bottom edge at v = 0.1: depression = 5° − atan(0.8 · tan 17.99°) = 5° − 14.55° < 0, so the ray never meets the
        // ground: the point is at the range, 1000 m east.
        var fix = GroundLocator.Locate(EastFacing, new ImageRegion(0.45, 0.0, 0.10, 0.10), bearingDeg: null);
        var point = MetricProjection.ToMetric(fix.Point);
        Assert.Equal(TowerUtm.X + 1000, point.X, 0.5);
        Assert.True(MetricProjection.ToMetric(fix.AreaPolygon()).EnvelopeInternal.MaxX <= TowerUtm.X + 1000.5);
    }

    [Fact]
    public void Locate_NoPoseNoBearing_UnlocatedDiscOfTheRangeAtTheCamera()
    {
        var fix = GroundLocator.Locate(EastFacing with { Pose = null }, new ImageRegion(0.4, 0.4, 0.1, 0.1), bearingDeg: null);

        Assert.Equal(LocationQuality.Unlocated, fix.Quality);
        Assert.Equal(0, MetricProjection.DistanceMetres(fix.Point, Tower), 0.5);
        // π · 1000² = 3.1416 km²; the 64-gon inside the circle is 0.16 % smaller.
        Assert.InRange(fix.AreaSquareMetres(), 3.10e6, 3.1416e6);
    }

    [Fact]
    public void Locate_BearingOnly_SectorAlongTheBearingToTheRange()
    {
        var fix = GroundLocator.Locate(EastFacing with { Pose = null }, null, bearingDeg: 0);
        var area = MetricProjection.ToMetric(fix.AreaPolygon());

        Assert.Equal(LocationQuality.Bearing, fix.Quality);
        Assert.True(area.Covers(UtmPoint(TowerUtm.X, TowerUtm.Y + 900)), "900 m north is on the bearing");
        // 2° either side at 900 m is 31 m; 60 m east is outside.
        Assert.False(area.Covers(UtmPoint(TowerUtm.X + 60, TowerUtm.Y + 900)));
    }

    [Fact]
    public void ViewRay_ImageCentreAndZoom_AxisAndNarrowerField()
    {
        var pose = new PtzPose(200, 3, 60, 2, 1920, 1080);
        var axis = ViewRay.Through(pose, 0.5, 0.5);
        Assert.Equal(200, axis.BearingDeg, 6);
        Assert.Equal(3, axis.DepressionDeg, 6);
        // Zoom 2: 2 · atan(tan 30° / 2) = 2 · atan(0.288675) = 2 · 16.102° = 32.204°.
        Assert.Equal(32.204, pose.EffectiveHorizontalFovDeg, 2);
    }

    [Theory]
    [InlineData(360, 5, 60, 1)]
    [InlineData(90, 95, 60, 1)]
    [InlineData(90, 5, 0, 1)]
    [InlineData(90, 5, 60, 0.5)]
    [InlineData(double.NaN, 5, 60, 1)]
    public void PtzPose_OutOfRange_RefusedWithTheCameraNamed(double pan, double tilt, double fov, double zoom)
    {
        var error = Assert.Throws<TwinValidationException>(() => new PtzPose(pan, tilt, fov, zoom, 1920, 1080).Validate("cam-x"));
        Assert.Contains("cam-x", error.Message);
    }

    private static Point UtmPoint(double x, double y) => MetricProjection.Metric.CreatePoint(new Coordinate(x, y));
}
