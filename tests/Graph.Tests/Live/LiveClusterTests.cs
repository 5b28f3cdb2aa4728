using CityTwin.Graph.Live;
using CityTwin.Twin.Cameras;
using CityTwin.Twin.Events;
using CityTwin.Twin.Spatial;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using Orleans.Streams;

namespace CityTwin.Graph.Tests.Live;

/// <summary>Delivery across a real 2-silo cluster: grains on either silo, one stream observer and one hub per silo.</summary>
[Collection(LiveClusterCollection.Name)]
public sealed class LiveClusterTests(LiveClusterFixture fixture)
{
    private static readonly HashSet<string> Cameras = [TwinStreams.Cameras];

    [Fact]
    public async Task CameraStatus_GrainOnEitherSilo_ReachesScopedSubscribersOnBothSilos()
    {
        var area = LiveEvents.Box(LiveTestCity.AnPhuBox[0], LiveTestCity.AnPhuBox[1], LiveTestCity.AnPhuBox[2], LiveTestCity.AnPhuBox[3]);
        var recorders = new[] { new Recorder<TwinEvent>(), new Recorder<TwinEvent>() };
        using var s0 = fixture.HubOf(0).Observe(new LiveFilter(Cameras, area, new HashSet<string> { LiveKinds.CameraOnline })).Subscribe(recorders[0]);
        using var s1 = fixture.HubOf(1).Observe(new LiveFilter(Cameras, area, new HashSet<string> { LiveKinds.CameraOnline })).Subscribe(recorders[1]);
        var outside = await RegisterCameraAsync(LiveTestCity.ThaoDienCentre, LiveTestCity.ThaoDien);
        var onSilo = await CamerasOnEachSiloAsync();

        await fixture.Grains.GetGrain<ICameraGrain>(outside).SetStatusAsync(true, DateTimeOffset.UtcNow);
        foreach (var camera in onSilo)
            await fixture.Grains.GetGrain<ICameraGrain>(camera).SetStatusAsync(true, DateTimeOffset.UtcNow);

        foreach (var recorder in recorders)
        {
            var received = await recorder.WaitAsync(r => onSilo.All(c => r.Any(e => e.EntityId == c)));
            // The outside camera came online first on the same stream, so by now it would have arrived.
            Assert.DoesNotContain(received, e => e.EntityId == outside);
            Assert.All(received, e => Assert.IsType<CameraStatusChanged>(e));
        }
    }

    [Fact]
    public async Task Batcher_PublishesFromBothSilos_EveryHubGetsEachEventOnceInCallerOrder()
    {
        var recorders = new[] { new Recorder<TwinEvent>(), new Recorder<TwinEvent>() };
        using var s0 = fixture.HubOf(0).Observe(new LiveFilter(Cameras)).Subscribe(recorders[0]);
        using var s1 = fixture.HubOf(1).Observe(new LiveFilter(Cameras)).Subscribe(recorders[1]);
        var sequences = Enumerable.Range(0, 2).Select(silo =>
            Enumerable.Range(0, 100).Select(i => (TwinEvent)LiveEvents.CameraStatus(LiveTestCity.AnPhuIntersection, i % 2 == 0) with { EntityId = $"batch-{silo}-{i}" }).ToList()).ToList();

        // Ten concurrent callers per silo, each awaiting its own publishes in turn, as grains do.
        await Task.WhenAll(Enumerable.Range(0, 2).SelectMany(silo => Enumerable.Range(0, 10).Select(async caller =>
        {
            var batcher = fixture.ServicesOf(silo).GetRequiredService<IGrainFactory>().GetGrain<IEventBatcherGrain>(0);
            foreach (var e in sequences[silo].Where((_, i) => i % 10 == caller))
                await batcher.PublishAsync(TwinStreams.Cameras, new Immutable<TwinEvent>(e));
        })));

        var all = sequences.SelectMany(s => s).ToList();
        foreach (var recorder in recorders)
        {
            var received = (await recorder.WaitAsync(r => all.All(r.Contains))).Where(all.Contains).ToList();
            Assert.Equal(all.Count, received.Count);
            foreach (var sequence in sequences)
            foreach (var caller in Enumerable.Range(0, 10))
            {
                var sent = sequence.Where((_, i) => i % 10 == caller).ToList();
                Assert.Equal(sent, received.Where(sent.Contains));
            }
        }
    }

    [Fact]
    public async Task StreamObserver_SubscriptionLost_SubscribesAgain()
    {
        var observer = fixture.ServicesOf(0).GetRequiredService<LiveStreamObserver>();
        Assert.True(observer.Subscribed);
        var stream = fixture.ServicesOf(0).GetRequiredService<IClusterClient>()
            .GetStreamProvider(TwinStreams.Provider).GetStream<TwinEvent>(TwinStreams.For(TwinStreams.Cameras));
        // What a pub/sub rebuilt empty looks like to this silo: its handle is gone.
        foreach (var handle in await stream.GetAllSubscriptionHandles()) await handle.UnsubscribeAsync();
        var recorder = new Recorder<TwinEvent>();
        using var _ = fixture.HubOf(0).Observe(new LiveFilter(Cameras)).Subscribe(recorder);

        var batcher = fixture.ServicesOf(1).GetRequiredService<IGrainFactory>().GetGrain<IEventBatcherGrain>(0);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        TwinEvent probe;
        do
        {
            probe = LiveEvents.CameraStatus(LiveTestCity.AnPhuIntersection, online: true);
            await batcher.PublishAsync(TwinStreams.Cameras, new Immutable<TwinEvent>(probe));
            await Task.Delay(200);
        }
        while (!recorder.Received.Contains(probe) && DateTime.UtcNow < deadline);

        Assert.Contains(probe, recorder.Received);
        Assert.Single(await stream.GetAllSubscriptionHandles());
    }

    private async Task<string> RegisterCameraAsync(GeoPoint at, string ward)
    {
        var id = LiveTestCity.NewId("cam");
        await fixture.Grains.GetGrain<ICameraGrain>(id).RegisterAsync(LiveTestCity.Camera(at, ward));
        return id;
    }

    /// <summary>Cameras inside the An Phú box until one is active on each silo; returns one per silo.</summary>
    private async Task<IReadOnlyList<string>> CamerasOnEachSiloAsync()
    {
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        var bySilo = new Dictionary<SiloAddress, string>();
        for (var i = 0; i < 64 && bySilo.Count < 2; i++)
        {
            var at = new GeoPoint(LiveTestCity.AnPhuIntersection.Longitude + i * 0.0001, LiveTestCity.AnPhuIntersection.Latitude);
            var id = await RegisterCameraAsync(at, LiveTestCity.AnPhu);
            var silo = await management.GetActivationAddress(fixture.Grains.GetGrain<ICameraGrain>(id));
            Assert.NotNull(silo);
            bySilo.TryAdd(silo, id);
        }
        Assert.Equal(fixture.Silos.Select(s => s.SiloAddress).ToHashSet(), bySilo.Keys.ToHashSet());
        return bySilo.Values.ToList();
    }
}
