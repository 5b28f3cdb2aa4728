using System.Collections.Frozen;

namespace CityTwin.Graph.Auth.AccessPolicy;

/// <summary>
/// The one role matrix of CityTwin (README, "Roles"). Every check in the API (query fields, subscription grants, REST
/// endpoints, the map's controls through <c>me { capabilities }</c>) calls <see cref="Allows"/>; nothing else decides
/// what a role may see. Partners get public layers and masked early warnings, never a vehicle's movements.
/// </summary>
public static class Access
{
    private static readonly Capability[] PublicLayers =
        [Capability.Cameras, Capability.Wards, Capability.Incidents, Capability.Places, Capability.Clinics, Capability.Lessons, Capability.Basemap];

    private static readonly FrozenDictionary<TwinRole, FrozenSet<Capability>> Matrix = new Dictionary<TwinRole, FrozenSet<Capability>>
    {
        [TwinRole.Operator] = Enum.GetValues<Capability>()
            .Except([Capability.SeeMaskedPlates, Capability.ImagingResults, Capability.AuditTrail, Capability.PlanCameras]).ToFrozenSet(),
        [TwinRole.Planner] = PublicLayers.Concat([Capability.Coverage, Capability.PlanCameras]).ToFrozenSet(),
        [TwinRole.Partner] = PublicLayers.Concat([Capability.ReadWatchlist, Capability.SeeMaskedPlates, Capability.WatchlistHits]).ToFrozenSet(),
        [TwinRole.Clinic] = new[] { Capability.Clinics, Capability.Basemap, Capability.StoreImaging, Capability.ImagingCounters, Capability.ImagingResults }.ToFrozenSet(),
        [TwinRole.Camera] = new[] { Capability.SubmitPlateReads, Capability.Basemap, Capability.SubmitCameraEvents }.ToFrozenSet(),
        [TwinRole.Supervisor] = PublicLayers.Concat([Capability.AuditTrail, Capability.SeePlates]).ToFrozenSet(),
        [TwinRole.Market] = new[] { Capability.Places, Capability.Basemap, Capability.MarketTotals, Capability.MarketOffice }.ToFrozenSet(),
        [TwinRole.SchoolOffice] = new[] { Capability.Places, Capability.Basemap, Capability.Lessons, Capability.ManageLessons }.ToFrozenSet(),
    }.ToFrozenDictionary();

    /// <summary>Whether <paramref name="principal"/>'s role has <paramref name="capability"/>; null (no key) has only the basemap.</summary>
    public static bool Allows(TwinPrincipal? principal, Capability capability) =>
        principal is null ? capability == Capability.Basemap : Matrix[principal.Role].Contains(capability);

    /// <summary>Everything the caller's role may do, in declaration order: what <c>me { capabilities }</c> returns.</summary>
    public static IReadOnlyList<Capability> CapabilitiesOf(TwinPrincipal principal) =>
        Enum.GetValues<Capability>().Where(c => Allows(principal, c)).ToList();

    /// <summary>A clinic's imaging counters: operators for every clinic, a clinic key for its own.</summary>
    public static bool CanSeeImaging(TwinPrincipal principal, string clinicId) =>
        Allows(principal, Capability.ImagingCounters) && (principal.Role != TwinRole.Clinic || principal.ClinicId == clinicId);

    /// <summary>A clinic's studies and imaging results: its own key only (pseudonymised patient data).</summary>
    public static bool CanSeeClinicResults(TwinPrincipal principal, string clinicId) =>
        Allows(principal, Capability.ImagingResults) && principal.ClinicId == clinicId;

    /// <summary>Plate reads for <paramref name="cameraId"/>: operators for any camera, a camera key for its own.</summary>
    public static bool CanSubmitReadsFor(TwinPrincipal principal, string cameraId) =>
        Allows(principal, Capability.SubmitPlateReads)
        && (principal.Role != TwinRole.Camera || string.Equals(principal.CameraId, cameraId, StringComparison.Ordinal));

    /// <summary>A market's totals, sessions and orders: operators for every market, a market key for its own.</summary>
    public static bool CanSeeMarket(TwinPrincipal principal, string marketId) =>
        Allows(principal, Capability.MarketTotals) && (principal.Role != TwinRole.Market || string.Equals(principal.MarketId, marketId, StringComparison.Ordinal));

    /// <summary>Market office work on <paramref name="marketId"/>: operators for every market, a market key for its own.</summary>
    public static bool CanRunMarket(TwinPrincipal principal, string marketId) =>
        Allows(principal, Capability.MarketOffice) && (principal.Role != TwinRole.Market || string.Equals(principal.MarketId, marketId, StringComparison.Ordinal));

    /// <summary>The role as written in audit rows, messages and <c>me { role }</c>.</summary>
    public static string Name(TwinRole role) => role.ToString().ToLowerInvariant();
}
