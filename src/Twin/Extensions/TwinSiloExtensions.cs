using CityTwin.Twin.Events;
using CityTwin.Twin.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Storage;

namespace CityTwin.Twin.Extensions;

/// <summary>Everything a silo of the twin needs: PostGIS grain storage, the event streams and the database services.</summary>
public static class TwinSiloExtensions
{
    /// <summary>Adds the twin to a silo. The host chooses clustering; this adds storage, streams and services.</summary>
    public static ISiloBuilder AddCityTwin(this ISiloBuilder silo, string connectionString)
    {
        silo.Services.AddTwinDatabase(connectionString);
        silo.Services.AddKeyedSingleton<IGrainStorage>(PostGisGrainStorage.Name,
            (sp, _) => ActivatorUtilities.CreateInstance<PostGisGrainStorage>(sp));
        // Stream subscriptions are re-made by subscribers when they start, so memory is enough for pub/sub.
        silo.AddMemoryGrainStorage(TwinStreams.PubSubStore);
        silo.AddMemoryStreams(TwinStreams.Provider);
        // Memory streams deliver by polling; Orleans' 100 ms default puts ~50 ms on every alert's way to the map.
        var pullPeriod = silo.Configuration.GetValue(TwinStreams.PullPeriodSetting, TwinStreams.DefaultPullPeriod);
        silo.Services.Configure<StreamPullingAgentOptions>(TwinStreams.Provider, o => o.GetQueueMsgsTimerPeriod = pullPeriod);
        return silo;
    }
}
