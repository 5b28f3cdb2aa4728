using CityTwin.Twin.Cameras;
using CityTwin.Twin.Clinics;
using CityTwin.Twin.Incidents;
using CityTwin.Twin.Markets;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Schools;
using CityTwin.Twin.Stores;
using CityTwin.Twin.Vehicles;
using CityTwin.Twin.Vehicles.Sightings;
using CityTwin.Twin.Wards;
using CityTwin.Twin.Watchlists;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CityTwin.Twin.Extensions;

/// <summary>Registers the twin's database access: the shared data source, EF Core and the state tables.</summary>
public static class TwinServiceExtensions
{
    /// <summary>Adds the data source, a pooled <see cref="TwinDbContext"/> factory and every grain state table.</summary>
    public static IServiceCollection AddTwinDatabase(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(_ => TwinDbOptions.CreateDataSource(connectionString));
        services.AddPooledDbContextFactory<TwinDbContext>((sp, options) => options.UseTwinDatabase(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<IStateTable<CameraState>, CameraStateTable>();
        services.AddSingleton<IStateTable<WardState>, WardStateTable>();
        services.AddSingleton<IStateTable<VehicleState>, VehicleStateTable>();
        services.AddSingleton<IStateTable<WatchlistState>, WatchlistStateTable>();
        services.AddSingleton<IStateTable<IncidentState>, IncidentStateTable>();
        services.AddSingleton<IStateTable<StoreState>, StoreStateTable>();
        services.AddSingleton<IStateTable<SchoolState>, SchoolStateTable>();
        services.AddSingleton<IStateTable<ClinicState>, ClinicStateTable>();
        services.AddSingleton<IWardLocator, WardLocator>();
        services.AddSingleton<MarketLedger>();
        services.AddSingleton<ISightingLog, SightingLog>();
        services.AddOptions<SightingLogOptions>();
        services.AddVehicleTracking();
        services.AddCameraEvents();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
