using System.Reflection;
using CityTwin.Graph.Auth;
using CityTwin.Graph.Live;
using CityTwin.Twin.Common;
using CityTwin.Twin.Events;
using CityTwin.Twin.Vehicles;

namespace CityTwin.Graph.Schema.Live;

/// <summary>
/// The role rules of the live fields, in one place. Operators see everything. Partners see public data with plates
/// masked and no watchlist changes. Planners get no plates at all: <c>sightings</c> is FORBIDDEN, watchlist hits and
/// vehicle or watchlist changes are left out; critical imaging findings go to operators only. A clinic gets only its own
/// clinic's entity changes and imaging results. Asking explicitly
/// for kinds the role may not see is FORBIDDEN rather than silently empty.
/// </summary>
internal static class LiveAccess
{
    /// <summary>The entity kinds of <see cref="TwinEntityKinds"/>, read once so new kinds are picked up.</summary>
    public static readonly IReadOnlyList<string> EntityKinds = typeof(TwinEntityKinds)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

    // requested: the kinds the caller named, or null; all: the field's full set, or null when its namespace carries nothing else.
    public static LiveGrant Sightings(TwinPrincipal caller, IReadOnlySet<string>? requested) => caller.Role switch
    {
        TwinRole.Operator => new(requested, LiveGrant.AsIs),
        TwinRole.Partner => new(requested, e => e is SightingsRecorded s ? s with { DisplayPlate = PlateMask.Display(s.DisplayPlate), EntityId = PlateMask.Key(s.EntityId) } : null),
        _ => throw LiveErrors.NotAllowed("sightings carry licence plates; this role may not subscribe to them"),
    };

    public static LiveGrant Alerts(TwinPrincipal caller, IReadOnlySet<string>? requested) => caller.Role switch
    {
        TwinRole.Operator => new(requested, LiveGrant.AsIs),
        TwinRole.Partner => new(Without(requested, AllAlerts, LiveKinds.CriticalFinding, "critical imaging findings"), e => e is WatchlistHit h ? MaskHit(h) : e),
        TwinRole.Planner => new(Without(Without(requested, AllAlerts, LiveKinds.WatchlistHit, "watchlist hits"), AllAlerts, LiveKinds.CriticalFinding, "critical imaging findings"),
            LiveGrant.AsIs),
        _ => throw LiveErrors.NotAllowed("alerts are for operators, partners and planners"),
    };

    /// <summary>Every kind the alerts namespace carries.</summary>
    private static string[] AllAlerts => [.. LiveKinds.AllIncidents, LiveKinds.WatchlistHit, LiveKinds.CriticalFinding];

    /// <summary>
    /// <c>imagingResults</c>: readings carry pseudonymised patient ids, so only a clinic's own key receives them, and
    /// only its own clinic's; every other role is FORBIDDEN and reads the counters instead.
    /// </summary>
    public static LiveGrant ImagingResults(TwinPrincipal caller) => caller.Role == TwinRole.Clinic
        ? new(null, e => e.EntityId == caller.ClinicId ? e : null)
        : throw LiveErrors.NotAllowed("imaging results carry patient data; only the clinic's own key may subscribe");

    /// <summary><c>incidentUpdates</c> and <c>cameraStatus</c>: public twin data, for every role but clinics and cameras.</summary>
    public static LiveGrant PublicData(TwinPrincipal caller, IReadOnlySet<string>? requested, IReadOnlySet<string>? all, string field) =>
        caller.Role switch
        {
            TwinRole.Clinic => throw LiveErrors.NotAllowed($"{field} is not open to clinic keys; a clinic subscribes to its own entityChanged events"),
            TwinRole.Camera => throw LiveErrors.NotAllowed($"{field} is not open to camera keys; a camera key only submits plate reads"),
            _ => new(requested ?? all, LiveGrant.AsIs),
        };

    public static LiveGrant Entities(TwinPrincipal caller, IReadOnlySet<string>? requested)
    {
        var all = EntityKinds.Select(LiveKinds.Entity).ToArray();
        var watchlist = LiveKinds.Entity(TwinEntityKinds.Watchlist);
        var vehicle = LiveKinds.Entity(TwinEntityKinds.Vehicle);
        var clinic = LiveKinds.Entity(TwinEntityKinds.Clinic);
        return caller.Role switch
        {
            TwinRole.Operator => new(requested ?? all.ToHashSet(StringComparer.Ordinal), LiveGrant.AsIs),
            TwinRole.Partner => new(Without(requested, all, watchlist, "watchlist changes"), MaskVehicle),
            TwinRole.Planner => new(Without(Without(requested, all, watchlist, "watchlist changes"), all, vehicle, "vehicle changes"), LiveGrant.AsIs),
            TwinRole.Clinic when requested is null || (requested.Count == 1 && requested.Contains(clinic)) =>
                new(new HashSet<string>(StringComparer.Ordinal) { clinic }, e => e.EntityId == caller.ClinicId ? e : null),
            TwinRole.Clinic => throw LiveErrors.NotAllowed("a clinic key sees only its own clinic's changes"),
            _ => throw LiveErrors.NotAllowed("unknown role"),
        };
    }

    private static object MaskHit(WatchlistHit hit) => hit with
    {
        DisplayPlate = PlateMask.Display(hit.DisplayPlate),
        WatchedPlateKey = PlateMask.Key(hit.WatchedPlateKey),
        EntityId = PlateMask.Key(hit.EntityId),
        // The crop shows the plate in clear, and partners may not fetch it anyway.
        CropId = null,
    };

    private static object MaskVehicle(TwinEvent e) =>
        e.EntityKind == TwinEntityKinds.Vehicle && e is EntityChanged change ? change with { EntityId = PlateMask.Key(change.EntityId) } : e;

    /// <summary>The requested kinds (all when none were named) without <paramref name="hidden"/>; FORBIDDEN when it was named.</summary>
    private static HashSet<string> Without(IReadOnlySet<string>? requested, IEnumerable<string> all, string hidden, string what) =>
        requested?.Contains(hidden) == true
            ? throw LiveErrors.NotAllowed($"this role may not receive {what}")
            : (requested ?? all).Where(k => k != hidden).ToHashSet(StringComparer.Ordinal);
}
