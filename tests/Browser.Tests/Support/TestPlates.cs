using CityTwin.Twin.Spatial;
using CityTwin.Twin.Vehicles;
using CityTwin.Twin.Vehicles.Sightings;

namespace CityTwin.Browser.Tests.Support;

/// <summary>Sightings recorded straight on the vehicle grains, as the vision pipeline does.</summary>
public static class TestPlates
{
    /// <summary>Cầu Sài Gòn, camera cam-csg-01 of the demo city: inside the map's opening view.</summary>
    public static readonly GeoPoint SaigonBridge = new(106.727986, 10.79893);

    public static Task<SightingReceipt> RecordAsync(IGrainFactory grains, string plateText, string key, string cameraId = "cam-csg-01", GeoPoint? at = null) =>
        grains.GetGrain<IVehicleGrain>(key).RecordSightingsAsync(new VehicleObservation(
            [new SightingInput($"{cameraId}:{Guid.NewGuid():N}", cameraId, DateTimeOffset.UtcNow, at ?? SaigonBridge, 0.93f, plateText)],
            VehicleKind.Motorbike));
}
