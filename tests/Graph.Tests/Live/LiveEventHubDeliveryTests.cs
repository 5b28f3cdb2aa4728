using CityTwin.Graph.Live;
using CityTwin.Twin.Events;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Vehicles;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CityTwin.Graph.Tests.Live;

/// <summary>The hub's kinds filter, its many subscribers, unsubscribing, slow subscribers and shutdown.</summary>
public sealed class LiveEventHubDeliveryTests
{
    private static readonly HashSet<string> Sightings = [TwinStreams.Sightings];

    [Fact]
    public async Task Publish_KindsFilter_OnlyRequestedKindsArrive()
    {
        var hub = new LiveEventHub();
        var motorbikes = new Recorder<TwinEvent>();
        using var _ = hub.Observe(new LiveFilter(Sightings, Kinds: new HashSet<string> { LiveKinds.Vehicle(VehicleKind.Motorbike) })).Subscribe(motorbikes);

        var car = LiveEvents.Sighting(LiveTestCity.AnPhuIntersection, VehicleKind.Car, "51G-123.45");
        var motorbike = LiveEvents.Sighting(LiveTestCity.AnPhuIntersection, VehicleKind.Motorbike);
        hub.Publish(TwinStreams.Sightings, car);
        hub.Publish(TwinStreams.Sightings, motorbike);

        var received = await motorbikes.WaitAsync(r => r.Contains(motorbike));
        Assert.DoesNotContain(car, received);
    }

    [Fact]
    public async Task Publish_OtherNamespace_NotDelivered()
    {
        var hub = new LiveEventHub();
        var cameras = new Recorder<TwinEvent>();
        using var _ = hub.Observe(new LiveFilter(new HashSet<string> { TwinStreams.Cameras })).Subscribe(cameras);

        var sighting = LiveEvents.Sighting(LiveTestCity.AnPhuIntersection);
        var status = LiveEvents.CameraStatus(LiveTestCity.AnPhuIntersection, online: false);
        hub.Publish(TwinStreams.Sightings, sighting);
        hub.Publish(TwinStreams.Cameras, status);

        Assert.Equal([status], await cameras.WaitAsync(r => r.Count >= 1));
    }

    [Fact]
    public async Task Publish_ThousandsOfScopedSubscribers_EachGetsExactlyItsEvents()
    {
        var hub = new LiveEventHub();
        var random = new Random(7);
        var subscribers = Enumerable.Range(0, 3_000).Select(_ =>
        {
            // Boxes of 0.5 to 3 km over Thu Duc, as map viewports would be.
            var (west, south) = (106.70 + random.NextDouble() * 0.14, 10.75 + random.NextDouble() * 0.13);
            var size = 0.005 + random.NextDouble() * 0.025;
            var box = new[] { west, south, west + size, south + size };
            var recorder = new Recorder<TwinEvent>();
            hub.Observe(new LiveFilter(Sightings, LiveEvents.Box(box[0], box[1], box[2], box[3]))).Subscribe(recorder);
            return (Box: box, Recorder: recorder);
        }).ToList();
        var events = Enumerable.Range(0, 300)
            .Select(_ => LiveEvents.Sighting(new GeoPoint(106.70 + random.NextDouble() * 0.16, 10.75 + random.NextDouble() * 0.15))).ToList();

        foreach (var e in events) hub.Publish(TwinStreams.Sightings, e);

        foreach (var (box, recorder) in subscribers)
        {
            var expected = events.Where(e => e.Location!.Value.Longitude >= box[0] && e.Location.Value.Longitude <= box[2]
                && e.Location.Value.Latitude >= box[1] && e.Location.Value.Latitude <= box[3]).ToList();
            Assert.Equal(expected, await recorder.WaitAsync(r => r.Count >= expected.Count));
        }
        Assert.Equal(0, hub.Stats.Dropped);
    }

    [Fact]
    public async Task Dispose_Subscription_StopsReceiving()
    {
        var hub = new LiveEventHub();
        var leaving = new Recorder<TwinEvent>();
        var staying = new Recorder<TwinEvent>();
        var subscription = hub.Observe(new LiveFilter(Sightings)).Subscribe(leaving);
        using var _ = hub.Observe(new LiveFilter(Sightings)).Subscribe(staying);
        var before = LiveEvents.Sighting(LiveTestCity.AnPhuIntersection);
        hub.Publish(TwinStreams.Sightings, before);
        await leaving.WaitAsync(r => r.Count == 1);

        subscription.Dispose();
        var after = LiveEvents.Sighting(LiveTestCity.AnPhuIntersection);
        hub.Publish(TwinStreams.Sightings, after);

        await staying.WaitAsync(r => r.Contains(after));
        Assert.Equal([before], leaving.Received);
        Assert.Equal(1, hub.Stats.Subscriptions);
        Assert.False(leaving.Completed);
    }

    [Fact]
    public async Task Publish_SlowSubscriber_OthersGetEverythingAndItsBufferStaysBounded()
    {
        var hub = new LiveEventHub(Options.Create(new LiveOptions { BufferCapacity = 16 }), NullLogger<LiveEventHub>.Instance);
        using var release = new ManualResetEventSlim();
        var slow = new BlockingObserver(release);
        var fast = new Recorder<TwinEvent>();
        using var a = hub.Observe(new LiveFilter(Sightings)).Subscribe(slow);
        using var b = hub.Observe(new LiveFilter(Sightings)).Subscribe(fast);
        var events = Enumerable.Range(0, 200).Select(_ => LiveEvents.Sighting(LiveTestCity.AnPhuIntersection)).ToList();

        // Paced as a stream delivers: each event reaches the fast subscriber while the slow one is stuck.
        for (var i = 0; i < events.Count; i++)
        {
            hub.Publish(TwinStreams.Sightings, events[i]);
            await fast.WaitAsync(r => r.Count == i + 1);
            if (i == 0) Assert.True(slow.Entered.Wait(TimeSpan.FromSeconds(15)));
        }
        release.Set();

        var slowGot = await slow.Recorder.WaitAsync(r => r.Count > 0 && r[^1] == events[^1]);
        // The stuck observer held the first event; its buffer kept the newest 16 and dropped the rest, oldest first.
        Assert.Equal(events, fast.Received);
        Assert.Equal([events[0], .. events[^16..]], slowGot);
        Assert.Equal(events.Count - 1 - 16, hub.Stats.Dropped);
    }

    [Fact]
    public async Task Complete_Hub_SubscribersCompleteAfterBufferedEvents()
    {
        var hub = new LiveEventHub();
        var recorder = new Recorder<TwinEvent>();
        using var _ = hub.Observe(new LiveFilter(Sightings)).Subscribe(recorder);
        var last = LiveEvents.Sighting(LiveTestCity.AnPhuIntersection);
        hub.Publish(TwinStreams.Sightings, last);

        hub.Complete();

        await recorder.WaitAsync(r => recorder.Completed);
        Assert.Equal([last], recorder.Received);
    }

    /// <summary>An observer stuck in its first OnNext until released, like a GraphQL execution waiting on a full socket.</summary>
    private sealed class BlockingObserver(ManualResetEventSlim release) : IObserver<TwinEvent>
    {
        public Recorder<TwinEvent> Recorder { get; } = new();

        public ManualResetEventSlim Entered { get; } = new();

        public void OnNext(TwinEvent value)
        {
            Entered.Set();
            release.Wait(TimeSpan.FromSeconds(30));
            Recorder.OnNext(value);
        }

        public void OnError(Exception error) => Recorder.OnError(error);

        public void OnCompleted() => Recorder.OnCompleted();
    }
}
