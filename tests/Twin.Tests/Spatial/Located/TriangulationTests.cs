using CityTwin.Twin.Spatial;
using CityTwin.Twin.Spatial.Located;
using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Tests.Spatial.Located;

/// <summary>Two cameras' cones → one point and a smaller polygon, worked out by hand in UTM 48N.</summary>
public sealed class TriangulationTests
{
    private static readonly GeoPoint A = new(106.738, 10.754);
    private static readonly Coordinate AUtm = MetricProjection.ToMetric(A);

    /// <summary>Camera B stands 1000 m due east of A (in UTM 48N).</summary>
    private static readonly GeoPoint B = MetricProjection.FromMetric(new Coordinate(AUtm.X + 1000, AUtm.Y));

    [Fact]
    public void Combine_BearingsNorthEastAndNorthWest_CrossHalfwayAndNarrow()
    {
        // A looks along 45°, B (1000 m east) along 315°: the rays y = x and y = 1000 − x meet at (500, 500) from A,
        // i.e. at (E0 + 500, N0 + 500), 707.1 m from each camera (inside their 1000 m range).
        var fromA = GroundLocator.Locate(new CameraSight(A, 50, 1000, null), null, bearingDeg: 45);
        var fromB = GroundLocator.Locate(new CameraSight(B, 50, 1000, null), null, bearingDeg: 315);

        var combined = Triangulation.Combine([fromA, fromB]);

        var point = MetricProjection.ToMetric(combined.Point);
        Assert.Equal(AUtm.X + 500, point.X, 1.0);
        Assert.Equal(AUtm.Y + 500, point.Y, 1.0);
        Assert.Equal(LocationQuality.Triangulated, combined.Quality);
        Assert.True(combined.AreaSquareMetres() < fromA.AreaSquareMetres() / 5,
            $"intersection {combined.AreaSquareMetres():F0} m² should be far smaller than one cone {fromA.AreaSquareMetres():F0} m²");
        Assert.True(combined.AreaPolygon().Covers(combined.Point.ToPoint()));
    }

    [Fact]
    public void Combine_ConesThatMiss_KeepsTheTighterFix()
    {
        // A looks north, B looks south: the sectors never meet.
        var fromA = GroundLocator.Locate(new CameraSight(A, 50, 1000, null), null, bearingDeg: 0);
        var fromB = GroundLocator.Locate(new CameraSight(B, 50, 500, null), null, bearingDeg: 180);

        var combined = Triangulation.Combine([fromA, fromB]);

        Assert.Equal(fromB, combined);
    }

    [Fact]
    public void Combine_UnlocatedAndLocated_TheLocatedWins()
    {
        var unlocated = GroundLocator.Unlocated(new CameraSight(B, 50, 1000, null));
        var located = GroundLocator.Locate(new CameraSight(A, 50, 1000, null), null, bearingDeg: 45);
        Assert.Equal(located, Triangulation.Combine([unlocated, located]));
    }
}
