using CityTwin.Bench.Common;
using System.Net;
using System.Net.Sockets;
using CityTwin.Twin.Events;
using CityTwin.Twin.Extensions;
using CityTwin.Twin.Vehicles.Sightings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace CityTwin.Bench.Sightings;

/// <summary>An in-process silo wired as the product wires it (<c>AddCityTwin</c>), listening on 127.0.0.1 only.</summary>
public static class BenchSilo
{
    public static async Task<IHost> StartAsync(string connectionString, SightingsSettings settings)
    {
        var builder = Host.CreateApplicationBuilder();
        // Information logging would cost more than some of what is measured.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<SightingLogOptions>(options =>
        {
            if (settings.MaxRowsPerBatch is { } rows) options.MaxRowsPerBatch = rows;
            if (settings.ConcurrentWriters is { } writers) options.ConcurrentWriters = writers;
        });
        if (settings.StreamCacheSeconds is { } seconds)
        {
            // Not the product's wiring: shows what the memory-stream cache (events kept at least 5 minutes) costs.
            builder.Services.Configure<StreamCacheEvictionOptions>(TwinStreams.Provider, cache =>
            {
                cache.DataMinTimeInCache = TimeSpan.FromSeconds(seconds);
                cache.DataMaxAgeInCache = TimeSpan.FromSeconds(2 * seconds);
            });
        }
        builder.UseOrleans(silo => silo.UseTwinSiloOnLoopback(connectionString));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>Stops the silo; async disposal because the sighting log only disposes asynchronously.</summary>
    public static async Task StopAsync(IHost host)
    {
        await host.StopAsync();
        if (host is IAsyncDisposable disposable) await disposable.DisposeAsync();
        else host.Dispose();
    }
}
