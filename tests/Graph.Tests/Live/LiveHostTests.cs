using CityTwin.Graph.Cli;
using CityTwin.Graph.Extensions;
using CityTwin.Graph.Live;
using CityTwin.Testing;
using CityTwin.Twin.Events;
using CityTwin.Twin.Wards;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Graph.Tests.Live;

/// <summary>The fan-out in the real single-node host: ASP.NET Core co-hosting the silo, as <c>citytwin serve</c> builds it.</summary>
public sealed class LiveHostTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AddCityTwinLive_BeforeOrAfterTheSilo_SubscribesOnceTheSiloRuns(bool beforeSilo)
    {
        var builder = WebApplication.CreateBuilder();
        if (beforeSilo) builder.Services.AddCityTwinLive();
        builder.AddCityTwinHost(new HostSettings($"http://127.0.0.1:{FreePort.Next()}", database.ConnectionString, LoadDemoCity: false,
            SiloPort: FreePort.Next(), GatewayPort: FreePort.Next()));
        if (!beforeSilo) builder.Services.AddCityTwinLive();
        await using var app = builder.Build();
        await app.StartAsync();

        Assert.True(app.Services.GetRequiredService<LiveStreamObserver>().Subscribed);
        var recorder = new Recorder<TwinEvent>();
        using var _ = app.Services.GetRequiredService<ILiveEvents>().Observe(new LiveFilter(new HashSet<string> { TwinStreams.Entities })).Subscribe(recorder);
        // The database is shared by both cases, and registering a ward twice publishes nothing: one code per case.
        var ward = beforeSilo ? "99991" : "99992";
        await app.Services.GetRequiredService<IGrainFactory>().GetGrain<IWardGrain>(ward)
            .RegisterAsync(new WardDefinition("Test ward", "Thành phố Thủ Đức", "769", LiveTestCity.AnPhuIntersection));
        await recorder.WaitAsync(r => r.Any(e => e.EntityId == ward));

        await app.StopAsync();
        Assert.True(recorder.Completed);
    }
}
