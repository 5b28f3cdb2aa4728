using CityTwin.Twin.Incidents;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Vehicles;
using CityTwin.Twin.Vehicles.Sightings;

namespace CityTwin.Graph.Tests.Schema;

/// <summary>
/// What the schema tests read besides the demo city: story 1's motorbike traced down Mai Chi Tho, and incidents of
/// story 2 and around it, with known kinds, wards and times. Written through the grains, as live data is.
/// </summary>
public sealed record SchemaSeed(
    DateTimeOffset Now,
    Guid SmokeTanThuanDong,
    Guid FireBinhTho,
    Guid AccidentMaiChiTho,
    Guid JamAnPhu,
    IReadOnlyList<string> TraceCameraIds)
{
    /// <summary>The traced motorbike, as written; its canonical key is <see cref="TracedPlateKey"/>.</summary>
    public const string TracedPlate = "59-X1 123.45";
    public const string TracedPlateKey = "59X112345";

    public const string AnPhu = "27091";
    public const string TanThuanDong = "27466";
    public const string BinhTho = "26824";

    public static readonly GeoPoint MaiChiTho05 = new(106.748377, 10.786615);

    public static async Task<SchemaSeed> LoadAsync(IGrainFactory grains)
    {
        var now = DateTimeOffset.UtcNow;
        string[] trace = ["cam-mct-01", "cam-mct-02", "cam-mct-03", "cam-mct-04", "cam-mct-05", "cam-mct-06"];
        var cameras = await Task.WhenAll(trace.Select(id => grains.GetGrain<Twin.Cameras.ICameraGrain>(id).GetAsync()));
        var sightings = trace.Select((id, i) => new SightingInput($"{id}:seed-{i}", id, now.AddMinutes(-50 + 2 * i),
            cameras[i]!.Location, 0.9f, TracedPlate)).ToList();
        await grains.GetGrain<IVehicleGrain>(TracedPlateKey).RecordSightingsAsync(new VehicleObservation(sightings, VehicleKind.Motorbike));

        var smoke = await OpenAsync(grains, IncidentKind.Smoke, new GeoPoint(106.737, 10.7565), now.AddHours(-3), TanThuanDong, "cam-tth-ptz-01", "cam-tth-ptz-02");
        var fire = await OpenAsync(grains, IncidentKind.Fire, new GeoPoint(106.7558, 10.8503), now.AddHours(-2), BinhTho);
        var accident = await OpenAsync(grains, IncidentKind.Accident, MaiChiTho05, now.AddHours(-1), AnPhu, "cam-mct-05");
        var incident = grains.GetGrain<IIncidentGrain>(accident.ToString());
        await incident.ConfirmAsync("operator-1", now.AddMinutes(-58));
        await incident.DispatchAsync("operator-1", now.AddMinutes(-55));
        await incident.ArriveOnSceneAsync("team-an-phu", now.AddMinutes(-48));
        await incident.ResolveAsync("team-an-phu", now.AddMinutes(-40), "cleared");
        var jam = await OpenAsync(grains, IncidentKind.TrafficJam, new GeoPoint(106.75297, 10.799736), now.AddMinutes(-30), AnPhu, "cam-mct-02");
        return new SchemaSeed(now, smoke, fire, accident, jam, trace);
    }

    /// <summary>Opens an incident with a fresh id (tests that change incidents open their own).</summary>
    public static async Task<Guid> OpenAsync(IGrainFactory grains, IncidentKind kind, GeoPoint at, DateTimeOffset detectedAt, string wardCode,
        params string[] cameraIds)
    {
        var id = Guid.NewGuid();
        await grains.GetGrain<IIncidentGrain>(id.ToString())
            .OpenAsync(new IncidentReport(kind, at, 50, detectedAt, cameraIds, "schema-test", wardCode, $"{kind} for the schema tests"));
        return id;
    }
}
