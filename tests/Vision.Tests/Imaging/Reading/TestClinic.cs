using CityTwin.Twin.Clinics;
using CityTwin.Twin.Places;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Wards;

namespace CityTwin.Vision.Tests.Imaging.Reading;

/// <summary>A commune health station on Can Gio island, registered in a test cluster.</summary>
public static class TestClinic
{
    public const string Id = "thanh-an-health-station";
    public const string Ward = "99901";
    public static readonly GeoPoint Location = new(106.9650, 10.5300);

    public static async Task RegisterAsync(IGrainFactory grains)
    {
        await grains.GetGrain<IWardGrain>(Ward).RegisterAsync(new WardDefinition("Test commune", "Huyện Cần Giờ", "787", Location));
        await grains.GetGrain<IClinicGrain>(Id).RegisterAsync(
            new ClinicDefinition(new Place("Thanh An commune health station", Ward, Location), ClinicKind.CommuneHealthStation, ["STORESCU"]));
    }
}
