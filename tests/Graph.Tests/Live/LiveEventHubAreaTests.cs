using CityTwin.Graph.Live;
using CityTwin.Twin.Events;
using CityTwin.Twin.Spatial;
using NetTopologySuite.Geometries;

namespace CityTwin.Graph.Tests.Live;

/// <summary>The hub's area filter: envelope pre-check, then the exact geometry; boundaries count as inside.</summary>
public sealed class LiveEventHubAreaTests
{
    private static readonly HashSet<string> Sightings = [TwinStreams.Sightings];

    // A triangle whose envelope is [106.74, 10.79, 106.76, 10.81]; its hypotenuse runs from (106.74, 10.79) to (106.76, 10.81).
    private static readonly Polygon Triangle = LiveEvents.Polygon(106.74, 10.79, 106.76, 10.79, 106.76, 10.81);

    [Theory]
    [InlineData(106.75, 10.80, true)]
    [InlineData(106.77, 10.80, false)]
    [InlineData(106.76, 10.80, true)]
    [InlineData(106.74, 10.79, true)]
    public async Task Publish_Bbox_DeliversInsideAndOnEdgeOnly(double lon, double lat, bool delivered)
    {
        var hub = new LiveEventHub();
        var inside = new Recorder<TwinEvent>();
        using var _ = hub.Observe(new LiveFilter(Sightings, LiveEvents.Box(106.74, 10.79, 106.76, 10.81))).Subscribe(inside);

        var sighting = LiveEvents.Sighting(new GeoPoint(lon, lat));
        hub.Publish(TwinStreams.Sightings, sighting);

        await AssertDeliveryAsync(inside, sighting, delivered);
    }

    [Theory]
    [InlineData(106.755, 10.795, true)]
    [InlineData(106.745, 10.805, false)]
    [InlineData(106.76, 10.81, true)]
    [InlineData(106.76, 10.80, true)]
    [InlineData(106.80, 10.80, false)]
    public async Task Publish_Polygon_ExactGeometryAfterEnvelope(double lon, double lat, bool delivered)
    {
        var hub = new LiveEventHub();
        var inside = new Recorder<TwinEvent>();
        using var _ = hub.Observe(new LiveFilter(Sightings, Triangle)).Subscribe(inside);

        var sighting = LiveEvents.Sighting(new GeoPoint(lon, lat));
        hub.Publish(TwinStreams.Sightings, sighting);

        await AssertDeliveryAsync(inside, sighting, delivered);
    }

    [Fact]
    public async Task Publish_BatchWithOneSightingInside_Delivered()
    {
        var hub = new LiveEventHub();
        var inside = new Recorder<TwinEvent>();
        using var _ = hub.Observe(new LiveFilter(Sightings, Triangle)).Subscribe(inside);

        var batch = LiveEvents.Sightings([new GeoPoint(106.755, 10.795), new GeoPoint(106.90, 10.90)]);
        hub.Publish(TwinStreams.Sightings, batch);

        await inside.WaitAsync(r => r.Contains(batch));
    }

    [Fact]
    public async Task Publish_AreaWiderThanGridLimit_StillFiltered()
    {
        var hub = new LiveEventHub();
        var city = new Recorder<TwinEvent>();
        // 0.3° × 0.3° is 900 cells of 0.01°, beyond the default index limit: the area is checked on every event.
        using var _ = hub.Observe(new LiveFilter(Sightings, LiveEvents.Box(106.6, 10.6, 106.9, 10.9))).Subscribe(city);

        var inside = LiveEvents.Sighting(new GeoPoint(106.75, 10.80));
        var outside = LiveEvents.Sighting(new GeoPoint(107.5, 10.80));
        hub.Publish(TwinStreams.Sightings, outside);
        hub.Publish(TwinStreams.Sightings, inside);

        var received = await city.WaitAsync(r => r.Contains(inside));
        Assert.DoesNotContain(outside, received);
    }

    [Fact]
    public async Task Publish_EventWithoutLocation_OnlyUnscopedSubscribersGetIt()
    {
        var hub = new LiveEventHub();
        HashSet<string> entities = [TwinStreams.Entities];
        var scoped = new Recorder<TwinEvent>();
        var unscoped = new Recorder<TwinEvent>();
        using var a = hub.Observe(new LiveFilter(entities, LiveEvents.Box(106.6, 10.6, 106.9, 10.9))).Subscribe(scoped);
        using var b = hub.Observe(new LiveFilter(entities)).Subscribe(unscoped);

        hub.Publish(TwinStreams.Entities, LiveEvents.WatchlistEntry());

        await unscoped.WaitAsync(r => r.Count == 1);
        await Task.Delay(50);
        Assert.Empty(scoped.Received);
    }

    [Fact]
    public void Observe_AreaWithoutSrid_Throws()
    {
        var noSrid = new GeometryFactory().ToGeometry(new Envelope(106.7, 106.8, 10.7, 10.8));

        Assert.Throws<ArgumentException>(() => new LiveEventHub().Observe(new LiveFilter(Sightings, noSrid)));
    }

    [Fact]
    public void Observe_UnknownNamespace_Throws() =>
        Assert.Throws<ArgumentException>(() => new LiveEventHub().Observe(new LiveFilter(new HashSet<string> { "weather" })));

    /// <summary>Publish is synchronous: once it returns every matching buffer holds the event, so a short wait proves an absence.</summary>
    private static async Task AssertDeliveryAsync(Recorder<TwinEvent> recorder, TwinEvent expected, bool delivered)
    {
        if (delivered)
        {
            await recorder.WaitAsync(r => r.Contains(expected));
            return;
        }
        await Task.Delay(100);
        Assert.DoesNotContain(expected, recorder.Received);
    }
}
