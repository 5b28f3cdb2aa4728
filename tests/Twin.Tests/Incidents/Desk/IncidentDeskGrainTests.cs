using CityTwin.Twin.Incidents;
using CityTwin.Twin.Incidents.Desk;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Spatial.Located;
using CityTwin.Twin.Tests.Infrastructure;
using NetTopologySuite.Geometries;

namespace CityTwin.Twin.Tests.Incidents.Desk;

/// <summary>
/// The desk routes sightings of one kind in parallel on a real cluster and PostGIS; these check that parallel routing
/// never splits what one queue would merge (a grid line, a burst at one place, polygons far apart that overlap) and
/// never merges what it would keep apart.
/// </summary>
[Collection(TwinClusterCollection.Name)]
public sealed class IncidentDeskGrainTests(TwinClusterFixture fixture)
{
    /// <summary>Each test works in its own 20 km square of UTM 48N, far from the other tests' incidents.</summary>
    private static int places;

    private static Coordinate NewPlace() => new(620_000 + 20_000 * Interlocked.Increment(ref places), 1_120_000);

    private IIncidentDeskGrain Desk => fixture.Grains.GetGrain<IIncidentDeskGrain>(nameof(IncidentKind.Accident));

    /// <summary>A sighting at (x, y) metres with a square polygon of <paramref name="halfSideM"/> around it.</summary>
    private static IncidentSighting At(double x, double y, string camera, double halfSideM = 40, DateTimeOffset? at = null)
    {
        var area = MetricProjection.Metric.CreatePolygon([
            new(x - halfSideM, y - halfSideM), new(x + halfSideM, y - halfSideM), new(x + halfSideM, y + halfSideM),
            new(x - halfSideM, y + halfSideM), new(x - halfSideM, y - halfSideM)]);
        var fix = LocationFix.FromMetric(new Coordinate(x, y), area, LocationQuality.Located, null, null);
        return new IncidentSighting(Guid.NewGuid().ToString("N"), camera, at ?? DateTimeOffset.UtcNow.AddSeconds(-5), 0.9, fix);
    }

    [Fact]
    public async Task Route_TwoSightingsEitherSideOfAGridLineAtOnce_OneIncident()
    {
        // 500 m grid lines of UTM 48N fall on multiples of 500: these two lie 120 m apart across x = …500 and y = …000.
        var place = NewPlace();
        var a = At(place.X + 500 - 60, place.Y - 40, "cam-border-west");
        var b = At(place.X + 500 + 60, place.Y + 40, "cam-border-east");

        var routings = await Task.WhenAll(Desk.RouteAsync(a, "test"), Desk.RouteAsync(b, "test"));

        Assert.Equal(routings[0].IncidentId, routings[1].IncidentId);
        Assert.Equal(1, routings.Count(r => r.Opened));
        var state = await fixture.Grains.GetGrain<IIncidentGrain>(routings[0].IncidentId.ToString()).GetAsync();
        Assert.Equal(["cam-border-east", "cam-border-west"], state!.SourceCameraIds.Order(StringComparer.Ordinal));
        Assert.Equal(2, state.Observations);
    }

    [Fact]
    public async Task Route_BurstOfTwentyAtOnePlace_OneIncidentOpenedNineteenMerged()
    {
        var place = NewPlace();
        var sightings = Enumerable.Range(0, 20).Select(i => At(place.X + 10 * i, place.Y, $"cam-burst-{i:00}")).ToList();

        var routings = await Task.WhenAll(sightings.Select(s => Desk.RouteAsync(s, "test")));

        Assert.Single(routings.Select(r => r.IncidentId).Distinct());
        Assert.Equal(1, routings.Count(r => r.Opened));
        var state = await fixture.Grains.GetGrain<IIncidentGrain>(routings[0].IncidentId.ToString()).GetAsync();
        Assert.Equal(20, state!.Observations);
        Assert.Equal(1L, await fixture.Database.ScalarAsync(
            $"SELECT count(*) FROM incidents WHERE kind = 'Accident' AND 'cam-burst-07' = ANY(source_camera_ids)"));
    }

    [Fact]
    public async Task Route_FarApartAtOnce_OneIncidentEach()
    {
        var place = NewPlace();
        var sightings = Enumerable.Range(0, 6).Select(i => At(place.X + 1_000 * i, place.Y, $"cam-apart-{i}")).ToList();

        var routings = await Task.WhenAll(sightings.Select(s => Desk.RouteAsync(s, "test")));

        Assert.Equal(6, routings.Select(r => r.IncidentId).Distinct().Count());
        Assert.All(routings, r => Assert.True(r.Opened));
    }

    [Fact]
    public async Task Route_WidePolygonsTwoKilometresApartOverlap_Merged()
    {
        // Points 2 km apart, but each polygon is 2.4 km wide: they overlap, so the merge rule joins them, and the
        // desk must find the first although its point is far outside any 500 m neighbourhood of the second.
        var place = NewPlace();
        var first = await Desk.RouteAsync(At(place.X, place.Y, "cam-wide-a", halfSideM: 1_200), "test");
        var second = await Desk.RouteAsync(At(place.X + 2_000, place.Y, "cam-wide-b", halfSideM: 1_200), "test");

        Assert.True(first.Opened);
        Assert.Equal(first.IncidentId, second.IncidentId);
        Assert.False(second.Opened);
    }

    [Fact]
    public async Task Route_IncidentResolvedSinceTheDeskSawIt_NewIncident()
    {
        var place = NewPlace();
        var first = await Desk.RouteAsync(At(place.X, place.Y, "cam-resolved"), "test");
        await fixture.Grains.GetGrain<IIncidentGrain>(first.IncidentId.ToString()).ResolveAsync("operator", DateTimeOffset.UtcNow, "cleared");

        var again = await Desk.RouteAsync(At(place.X + 50, place.Y, "cam-resolved"), "test");

        Assert.True(again.Opened);
        Assert.NotEqual(first.IncidentId, again.IncidentId);
    }
}
