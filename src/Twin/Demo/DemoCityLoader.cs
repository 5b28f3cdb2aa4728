using CityTwin.Twin.Cameras;
using CityTwin.Twin.Clinics;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Places;
using CityTwin.Twin.Schools;
using CityTwin.Twin.Stores;
using CityTwin.Twin.Wards;

namespace CityTwin.Twin.Demo;

/// <summary>
/// Registers the demo city through the grains, so its rows, ward aggregates and events are exactly what live
/// registration produces. Every registration is idempotent, so loading again on each start changes nothing.
/// </summary>
public static class DemoCityLoader
{
    /// <summary>Loads wards first (everything else names a ward), then cameras, stores, schools and clinics.</summary>
    public static async Task<DemoCityCounts> LoadAsync(IGrainFactory grains, DemoCity city, CancellationToken cancellationToken = default)
    {
        foreach (var ward in city.Wards)
            await grains.GetGrain<IWardGrain>(ward.Code)
                .RegisterAsync(new WardDefinition(ward.Name, ward.District, ward.DistrictCode, new GeoPoint(ward.Lon, ward.Lat)));
        cancellationToken.ThrowIfCancellationRequested();

        // A few cameras at a time: enough to overlap database round trips, few enough to leave connections for others.
        await Parallel.ForEachAsync(city.Cameras, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (c, _) =>
            {
                var camera = grains.GetGrain<ICameraGrain>(c.Id);
                await camera.RegisterAsync(
                    new CameraDefinition(c.Name, c.WardCode, new GeoPoint(c.Lon, c.Lat), c.Kind, c.MountHeightM, c.HeadingDeg, c.FovDeg, c.RangeM, c.Road));
                // A demo pose is where the tower rests; operators move it, so it is set only while none is stored.
                if (c.Pose is { } pose && await camera.GetAsync() is { Pose: null })
                    await camera.SetPoseAsync(pose);
            });
        cancellationToken.ThrowIfCancellationRequested();

        // Markets before their retailers, so a retailer's market always exists.
        foreach (var store in city.Stores.OrderBy(s => s.Kind))
            await grains.GetGrain<IStoreGrain>(store.Id).RegisterAsync(
                new StoreDefinition(new Place(store.Name, store.WardCode, new GeoPoint(store.Lon, store.Lat)), store.Kind, store.MarketId));
        foreach (var school in city.Schools)
            await grains.GetGrain<ISchoolGrain>(school.Id).RegisterAsync(
                new SchoolDefinition(new Place(school.Name, school.WardCode, new GeoPoint(school.Lon, school.Lat)), school.Level, school.Pupils, school.Teachers));
        foreach (var clinic in city.Clinics)
            await grains.GetGrain<IClinicGrain>(clinic.Id).RegisterAsync(
                new ClinicDefinition(new Place(clinic.Name, clinic.WardCode, new GeoPoint(clinic.Lon, clinic.Lat)), clinic.Kind, clinic.AeTitles ?? []));

        return new DemoCityCounts(city.Wards.Count, city.Cameras.Count, city.Stores.Count, city.Schools.Count, city.Clinics.Count);
    }
}

/// <summary>How many entities of each kind the demo city holds.</summary>
public sealed record DemoCityCounts(int Wards, int Cameras, int Stores, int Schools, int Clinics);
