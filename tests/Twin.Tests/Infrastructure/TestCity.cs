using CityTwin.Twin.Cameras;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Wards;

namespace CityTwin.Twin.Tests.Infrastructure;

/// <summary>Small, explicit fixtures of real places in Thu Duc for tests that must not depend on the demo dataset.</summary>
public static class TestCity
{
    /// <summary>An Phú ward (GSO 27091), label near the An Phú intersection.</summary>
    public const string AnPhu = "27091";

    /// <summary>Thảo Điền ward (GSO 27088).</summary>
    public const string ThaoDien = "27088";

    public static readonly GeoPoint AnPhuIntersection = new(106.7519, 10.8025);

    public static async Task RegisterWardsAsync(IGrainFactory grains)
    {
        await grains.GetGrain<IWardGrain>(AnPhu).RegisterAsync(new WardDefinition("An Phú", "Thành phố Thủ Đức", "769", AnPhuIntersection));
        await grains.GetGrain<IWardGrain>(ThaoDien).RegisterAsync(new WardDefinition("Thảo Điền", "Thành phố Thủ Đức", "769", new GeoPoint(106.7340, 10.8040)));
    }

    public static CameraDefinition AnprCamera(GeoPoint at, string ward = AnPhu, double heading = 90) =>
        new("Test ANPR", ward, at, CameraKind.AnprFixed, MountHeightM: 7, HeadingDeg: heading, FieldOfViewDeg: 60, RangeM: 100, Road: "Mai Chí Thọ");

    /// <summary>A unique id so tests sharing a cluster never collide.</summary>
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
