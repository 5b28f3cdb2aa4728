using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CityTwin.Graph.Cli;
using CityTwin.Graph.Extensions;
using CityTwin.Testing;
using CityTwin.Vision;
using CityTwin.Vision.Fire;
using CityTwin.Vision.Fire.Watch;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenCvSharp;

namespace CityTwin.Graph.Tests.Fire;

/// <summary>
/// The fire watch as <c>citytwin serve</c> wires it (<see cref="CityTwinHostExtensions.AddCityTwinHost"/>): options from
/// <c>CityTwin:Fire</c>, the committed model, masks from configuration, counters on the CityTwin.Vision meter. The
/// host registers the sink (part B: incidents); here a recording one stands in for it. It counts the process-wide
/// CityTwin.Vision meter, so it shares a collection (runs apart) with the other test whose host watches for fire.
/// </summary>
[Collection(FireMeterCollection.Name)]
public sealed class FireWatchWiringTests
{
    [SkippableFact]
    public async Task HostWiring_SmokeFrames_ConfirmedOnOpenCameraMaskedOnMaskedCamera()
    {
        var smokePath = FireDataset.LargestSmokeOnlyValid()?.Image;
        Skip.If(smokePath is null, SharedData.Missing);
        var sink = new RecordingSink();
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CityTwin:Fire:ConfirmFrames"] = "2",
            ["CityTwin:Fire:WindowFrames"] = "3",
            ["CityTwin:Fire:Masks:cam-masked:0"] = "0,0 1,0 1,1 0,1",
        });
        builder.Services.AddSingleton<IFireEventSink>(sink);
        builder.AddCityTwinHost(new HostSettings($"http://127.0.0.1:{FreePort.Next()}", "Host=127.0.0.1;Port=1;Database=unused",
            LoadDemoCity: false, SiloPort: FreePort.Next(), GatewayPort: FreePort.Next()));
        await using var app = builder.Build();
        var published = new ConcurrentDictionary<string, long>();
        using var listener = Listen(published);

        var factory = app.Services.GetRequiredService<FireWatchFactory>();
        using var open = factory.Create("cam-open");
        using var masked = factory.Create("cam-masked");
        using var smoke = Cv2.ImRead(smokePath!);
        var start = DateTimeOffset.UtcNow;
        for (var i = 0; i < 3; i++)
        {
            await open.ProcessAsync(smoke, start.AddSeconds(i), default);
            await masked.ProcessAsync(smoke, start.AddSeconds(i), default);
        }

        var raised = Assert.Single(sink.Events);
        Assert.Equal(("cam-open", FireClass.Smoke, start.AddSeconds(1)), (raised.CameraId, raised.Kind, raised.ObservedAt));
        Assert.Equal(1, app.Services.GetRequiredService<FireMetrics>().EventsRaised);
        Assert.Equal(1, published.GetValueOrDefault("citytwin.fire.events"));
        Assert.Equal(6, published.GetValueOrDefault("citytwin.fire.frames"));
    }

    private static MeterListener Listen(ConcurrentDictionary<string, long> published)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == VisionMetrics.MeterName && instrument.Name.StartsWith("citytwin.fire.", StringComparison.Ordinal))
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => published.AddOrUpdate(instrument.Name, value, (_, v) => v + value));
        listener.Start();
        return listener;
    }

    private sealed class RecordingSink : IFireEventSink
    {
        public ConcurrentQueue<ConfirmedFireEvent> Events { get; } = new();
        public ValueTask PublishAsync(ConfirmedFireEvent fireEvent, CancellationToken ct)
        {
            Events.Enqueue(fireEvent);
            return ValueTask.CompletedTask;
        }
    }
}
