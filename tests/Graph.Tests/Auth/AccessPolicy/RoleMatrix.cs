using CityTwin.Graph.Auth;
using CityTwin.Graph.Auth.AccessPolicy;

namespace CityTwin.Graph.Tests.Auth.AccessPolicy;

/// <summary>
/// The role matrix as the README writes it, typed out again here (not read from <see cref="Access"/>) so that a change
/// to the policy that the README does not describe fails a test. O operator, L planner, P partner, C clinic, K camera,
/// S supervisor, M market, E schools' office.
/// </summary>
public static class RoleMatrix
{
    private static readonly Dictionary<Capability, string> Table = new()
    {
        [Capability.Cameras] = "OLP  S  ",
        [Capability.Wards] = "OLP  S  ",
        [Capability.Incidents] = "OLP  S  ",
        [Capability.Places] = "OLP  SME",
        [Capability.Clinics] = "OLPC S  ",
        [Capability.TrackVehicles] = "O       ",
        [Capability.ReadWatchlist] = "O P     ",
        [Capability.SearchWatchlist] = "O       ",
        [Capability.SeePlates] = "O    S  ",
        [Capability.SeeMaskedPlates] = "  P     ",
        [Capability.FollowSightings] = "O       ",
        [Capability.WatchlistHits] = "O P     ",
        [Capability.WatchlistChanges] = "O       ",
        [Capability.PlateCrops] = "O       ",
        [Capability.Act] = "O       ",
        [Capability.SubmitPlateReads] = "O   K   ",
        [Capability.StoreImaging] = "O  C    ",
        [Capability.ImagingCounters] = "O  C    ",
        [Capability.ImagingResults] = "   C    ",
        [Capability.CriticalFindings] = "O       ",
        [Capability.AuditTrail] = "     S  ",
        [Capability.MarketTotals] = "O     M ",
        [Capability.MarketOffice] = "O     M ",
        [Capability.Lessons] = "OLP  S E",
        [Capability.ManageLessons] = "O      E",
        [Capability.SubmitCameraEvents] = "O   K   ",
        [Capability.IncidentSnapshots] = "O       ",
        [Capability.Basemap] = "OLPCKSME",
        [Capability.Coverage] = "OL      ",
        [Capability.PlanCameras] = " L      ",
        [Capability.AcknowledgeAlerts] = "O       ",
    };

    public const string ClinicId = "clinic-tram-y-te-thanh-an";
    public const string CameraId = "cam-mct-01";
    public const string MarketId = "store-cho-ben-thanh";

    public static readonly TwinRole[] Roles = [TwinRole.Operator, TwinRole.Planner, TwinRole.Partner, TwinRole.Clinic, TwinRole.Camera, TwinRole.Supervisor, TwinRole.Market, TwinRole.SchoolOffice];

    public static bool Expected(TwinRole role, Capability capability) => Table[capability][Array.IndexOf(Roles, role)] != ' ';

    public static TwinPrincipal Caller(TwinRole role) => new($"matrix-{role}".ToLowerInvariant(), role,
        role == TwinRole.Clinic ? ClinicId : null, role == TwinRole.Camera ? CameraId : null, role == TwinRole.Market ? MarketId : null);

    /// <summary>Every role × capability pair with whether the README allows it: one test case each.</summary>
    public static TheoryData<TwinRole, Capability, bool> Cases()
    {
        var data = new TheoryData<TwinRole, Capability, bool>();
        foreach (var role in Roles)
            foreach (var capability in Enum.GetValues<Capability>())
                data.Add(role, capability, Expected(role, capability));
        return data;
    }
}
