using CityTwin.Twin.Cameras;
using CityTwin.Twin.Plates;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Vehicles;
using CityTwin.Twin.Vehicles.Sightings;
using CityTwin.Twin.Wards;

namespace CityTwin.Graph.Tests.Live;

/// <summary>Real places in Thu Duc for the live tests: two wards, and helpers for cameras, plates and sightings.</summary>
public static class LiveTestCity
{
    /// <summary>An Phú ward (GSO 27091).</summary>
    public const string AnPhu = "27091";

    /// <summary>Thảo Điền ward (GSO 27088).</summary>
    public const string ThaoDien = "27088";

    /// <summary>The An Phú intersection (Mai Chí Thọ / Song Hành).</summary>
    public static readonly GeoPoint AnPhuIntersection = new(106.7519, 10.8025);

    /// <summary>Thảo Điền, about 2 km west of An Phú.</summary>
    public static readonly GeoPoint ThaoDienCentre = new(106.7340, 10.8040);

    /// <summary>A bbox [west, south, east, north] around the An Phú intersection that leaves Thảo Điền out.</summary>
    public static readonly double[] AnPhuBox = [106.745, 10.795, 106.760, 10.810];

    private static int plateCounter = Random.Shared.Next(10_000, 60_000);

    public static async Task RegisterAsync(IGrainFactory grains)
    {
        await grains.GetGrain<IWardGrain>(AnPhu).RegisterAsync(new WardDefinition("An Phú", "Thành phố Thủ Đức", "769", AnPhuIntersection));
        await grains.GetGrain<IWardGrain>(ThaoDien).RegisterAsync(new WardDefinition("Thảo Điền", "Thành phố Thủ Đức", "769", ThaoDienCentre));
    }

    /// <summary>A camera definition of an ANPR camera at <paramref name="at"/>.</summary>
    public static CameraDefinition Camera(GeoPoint at, string ward = AnPhu) =>
        new("Live test ANPR", ward, at, CameraKind.AnprFixed, MountHeightM: 7, HeadingDeg: 90, FieldOfViewDeg: 60, RangeM: 100, Road: "Mai Chí Thọ");

    /// <summary>A unique id so tests sharing the cluster never collide.</summary>
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>A fresh motorbike plate (59-X1 nnn.nn) per call.</summary>
    public static PlateNumber NewPlate() => PlateNumber.Parse($"59-X1 {Interlocked.Increment(ref plateCounter):00000}");

    /// <summary>One sighting by <paramref name="camera"/> at <paramref name="at"/>, seconds ago.</summary>
    public static VehicleObservation Sighting(string camera, GeoPoint at) =>
        new([new SightingInput($"{camera}:{Guid.NewGuid():N}", camera, DateTimeOffset.UtcNow.AddSeconds(-5), at, 0.93f)]);
}
