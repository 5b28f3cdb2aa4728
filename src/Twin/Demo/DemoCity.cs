using System.Text.Json;
using System.Text.Json.Serialization;

namespace CityTwin.Twin.Demo;

/// <summary>The project's own demo dataset (src/Twin/Demo/demo-city.json), embedded in the assembly.</summary>
public sealed record DemoCity(
    int Version,
    IReadOnlyList<DemoWard> Wards,
    IReadOnlyList<DemoCamera> Cameras,
    IReadOnlyList<DemoStore> Stores,
    IReadOnlyList<DemoSchool> Schools,
    IReadOnlyList<DemoClinic> Clinics)
{
    private const string ResourceName = "CityTwin.Twin.Demo.demo-city.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>Reads the embedded dataset.</summary>
    public static DemoCity Load()
    {
        using var stream = typeof(DemoCity).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from the build");
        return JsonSerializer.Deserialize<DemoCity>(stream, Json)
            ?? throw new InvalidOperationException("the demo city dataset is empty");
    }
}

public sealed record DemoWard(string Code, string Name, string District, string DistrictCode, double Lon, double Lat);

public sealed record DemoCamera(
    string Id, string Name, string WardCode, double Lon, double Lat, Cameras.CameraKind Kind,
    double MountHeightM, double HeadingDeg, double FovDeg, double RangeM, string? Road, Cameras.PtzPose? Pose = null);

public sealed record DemoStore(string Id, string Name, string WardCode, double Lon, double Lat, Stores.StoreKind Kind, string? MarketId);

public sealed record DemoSchool(string Id, string Name, string WardCode, double Lon, double Lat, Schools.SchoolLevel Level, int Pupils, int Teachers);

public sealed record DemoClinic(string Id, string Name, string WardCode, double Lon, double Lat, Clinics.ClinicKind Kind, IReadOnlyList<string>? AeTitles);
