using System.Reflection;
using CityTwin.Graph.Auth;
using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Live;
using CityTwin.Twin.Common;
using CityTwin.Twin.Events;
using CityTwin.Twin.Vehicles;

namespace CityTwin.Graph.Schema.Live;

/// <summary>
/// Turns the one role matrix (<see cref="Access"/>) into what each live field receives: the kinds a subscription may
/// carry and how each event is shown. It decides nothing itself: every rule is a capability. Asking explicitly for kinds
/// the role may not see is FORBIDDEN rather than silently empty.
/// </summary>
internal static class LiveAccess
{
    /// <summary>The entity kinds of <see cref="TwinEntityKinds"/>, read once so new kinds are picked up.</summary>
    public static readonly IReadOnlyList<string> EntityKinds = typeof(TwinEntityKinds)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

    /// <summary>Every kind the alerts namespace carries.</summary>
    private static string[] AllAlerts => [.. LiveKinds.AllIncidents, LiveKinds.WatchlistHit, LiveKinds.CriticalFinding];

    // requested: the kinds the caller named, or null; all: the field's full set, or null when its namespace carries nothing else.
    public static LiveGrant Sightings(TwinPrincipal caller, IReadOnlySet<string>? requested) =>
        Access.Allows(caller, Capability.FollowSightings)
            ? new(requested, LiveGrant.AsIs)
            : throw LiveErrors.NotAllowed($"sightings trace where vehicles go; the {Access.Name(caller.Role)} role may not subscribe to them");

    public static LiveGrant Alerts(TwinPrincipal caller, IReadOnlySet<string>? requested)
    {
        if (!Access.Allows(caller, Capability.Incidents) && !Access.Allows(caller, Capability.WatchlistHits))
            throw LiveErrors.NotAllowed($"alerts are not open to the {Access.Name(caller.Role)} role");
        var kinds = requested is null ? AllAlerts.ToHashSet(StringComparer.Ordinal) : requested.ToHashSet(StringComparer.Ordinal);
        if (!Access.Allows(caller, Capability.WatchlistHits)) kinds = Without(requested, kinds, LiveKinds.WatchlistHit, "watchlist hits");
        if (!Access.Allows(caller, Capability.CriticalFindings)) kinds = Without(requested, kinds, LiveKinds.CriticalFinding, "critical imaging findings");
        if (!Access.Allows(caller, Capability.Incidents))
            foreach (var incident in LiveKinds.AllIncidents) kinds = Without(requested, kinds, incident, "incident alerts");
        return new(kinds, e => e is WatchlistHit hit ? ShowHit(caller, hit) : e);
    }

    /// <summary>
    /// <c>imagingResults</c>: readings carry pseudonymised patient ids, so only a clinic's own key receives them, and
    /// only its own clinic's; every other role is FORBIDDEN and reads the counters instead.
    /// </summary>
    public static LiveGrant ImagingResults(TwinPrincipal caller) => Access.Allows(caller, Capability.ImagingResults)
        ? new(null, e => Access.CanSeeClinicResults(caller, e.EntityId) ? e : null)
        : throw LiveErrors.NotAllowed("imaging results carry patient data; only the clinic's own key may subscribe");

    /// <summary><c>incidentUpdates</c> and <c>cameraStatus</c>: public twin data, for roles with <paramref name="capability"/>.</summary>
    public static LiveGrant PublicData(TwinPrincipal caller, IReadOnlySet<string>? requested, IReadOnlySet<string>? all, string field, Capability capability) =>
        Access.Allows(caller, capability)
            ? new(requested ?? all, LiveGrant.AsIs)
            : throw LiveErrors.NotAllowed($"{field} is not open to the {Access.Name(caller.Role)} role");

    public static LiveGrant Entities(TwinPrincipal caller, IReadOnlySet<string>? requested)
    {
        var allowed = EntityKinds.Where(kind => Access.Allows(caller, CapabilityOf(kind))).Select(LiveKinds.Entity).ToHashSet(StringComparer.Ordinal);
        if (allowed.Count == 0) throw LiveErrors.NotAllowed($"entityChanged is not open to the {Access.Name(caller.Role)} role");
        if (requested?.FirstOrDefault(k => !allowed.Contains(k)) is { } refused)
            throw LiveErrors.NotAllowed($"the {Access.Name(caller.Role)} role may not receive {refused} changes");
        var clinicOnly = caller.Role == TwinRole.Clinic;
        return new(requested ?? allowed, e => clinicOnly && e.EntityId != caller.ClinicId ? null : e);
    }

    /// <summary>Which capability shows changes of an entity kind; a clinic key sees only clinic changes (its own).</summary>
    private static Capability CapabilityOf(string entityKind) => entityKind switch
    {
        TwinEntityKinds.Vehicle => Capability.FollowSightings,
        TwinEntityKinds.Watchlist => Capability.WatchlistChanges,
        TwinEntityKinds.Camera => Capability.Cameras,
        TwinEntityKinds.Ward => Capability.Wards,
        TwinEntityKinds.Incident => Capability.Incidents,
        TwinEntityKinds.Clinic => Capability.Clinics,
        _ => Capability.Places,
    };

    /// <summary>
    /// A watchlist hit as the caller may see it. A masked-plate role gets only the first sighting since the report (an
    /// early warning, not a route), both plates masked, and no crop (it shows the plate in clear).
    /// </summary>
    private static object? ShowHit(TwinPrincipal caller, WatchlistHit hit)
    {
        if (Access.Allows(caller, Capability.SeePlates)) return hit;
        if (!hit.First) return null;
        return hit with
        {
            DisplayPlate = PlateMask.Display(caller, hit.DisplayPlate) ?? PlateMask.Hidden,
            WatchedPlateKey = PlateMask.Key(caller, hit.WatchedPlateKey) ?? PlateMask.Hidden,
            EntityId = PlateMask.Key(caller, hit.EntityId) ?? PlateMask.Hidden,
            CropId = null,
        };
    }

    /// <summary>The kinds without <paramref name="hidden"/>; FORBIDDEN when the caller named it.</summary>
    private static HashSet<string> Without(IReadOnlySet<string>? requested, HashSet<string> kinds, string hidden, string what) =>
        requested?.Contains(hidden) == true
            ? throw LiveErrors.NotAllowed($"this role may not receive {what}")
            : kinds.Where(k => k != hidden).ToHashSet(StringComparer.Ordinal);
}
