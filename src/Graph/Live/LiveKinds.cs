using CityTwin.Twin.Cameras;
using CityTwin.Twin.Clinics;
using CityTwin.Twin.Events;
using CityTwin.Twin.Incidents;
using CityTwin.Twin.Vehicles;

namespace CityTwin.Graph.Live;

/// <summary>
/// The kind vocabulary of <see cref="LiveFilter.Kinds"/>: every event has exactly one kind, prefixed by its family
/// (<c>vehicle:motorbike</c>, <c>incident:smoke</c>, <c>alert:watchlist-hit</c>, <c>camera:offline</c>, <c>entity:clinic</c>)
/// so the families never collide and a filter can hold kinds of several families.
/// </summary>
public static class LiveKinds
{
    /// <summary>A watched vehicle was sighted (<see cref="WatchlistHit"/>).</summary>
    public const string WatchlistHit = "alert:watchlist-hit";

    /// <summary>An AI reading found a critical sign (<see cref="Twin.Clinics.CriticalFinding"/>).</summary>
    public const string CriticalFinding = "alert:critical-finding";

    /// <summary>An AI reading was recorded on a clinic (<see cref="ImagingResultRecorded"/>).</summary>
    public const string ImagingResult = "imaging:result";

    /// <summary>A camera came online.</summary>
    public const string CameraOnline = "camera:online";

    /// <summary>A camera went offline.</summary>
    public const string CameraOffline = "camera:offline";

    /// <summary>A market's totals changed (<see cref="Twin.Markets.MarketChanged"/>).</summary>
    public const string MarketTotals = "market:totals";

    /// <summary>A livestream session's totals changed (<see cref="Twin.Markets.SessionChanged"/>).</summary>
    public const string SessionTotals = "market:session";

    /// <summary>A remote lesson was scheduled or got attendance or an interaction (<see cref="Twin.Schools.LessonChanged"/>).</summary>
    public const string Lesson = "lesson:update";

    // Built once: the kind is computed for every event the silo receives, so it must not allocate.
    private static readonly Dictionary<VehicleKind, string> Vehicles =
        Enum.GetValues<VehicleKind>().ToDictionary(k => k, k => "vehicle:" + Slug(k.ToString()));

    private static readonly Dictionary<IncidentKind, string> Incidents =
        Enum.GetValues<IncidentKind>().ToDictionary(k => k, k => "incident:" + Slug(k.ToString()));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Entities = new(StringComparer.Ordinal);

    /// <summary>The kind of a sighting batch of this vehicle kind.</summary>
    public static string Vehicle(VehicleKind kind) => Vehicles.TryGetValue(kind, out var k) ? k : "vehicle:" + Slug(kind.ToString());

    /// <summary>The kind of an incident event of this incident kind.</summary>
    public static string Incident(IncidentKind kind) => Incidents.TryGetValue(kind, out var k) ? k : "incident:" + Slug(kind.ToString());

    /// <summary>The kind of an entity change of this entity kind (<see cref="Twin.Common.TwinEntityKinds"/>).</summary>
    public static string Entity(string entityKind) => Entities.GetOrAdd(entityKind, static k => "entity:" + k);

    /// <summary>All incident kinds: what "any incident" means in a filter.</summary>
    public static IReadOnlyCollection<string> AllIncidents => Incidents.Values;

    /// <summary>All vehicle kinds: what "any sighting" means in a filter.</summary>
    public static IReadOnlyCollection<string> AllVehicles => Vehicles.Values;

    /// <summary>The one kind of an event.</summary>
    public static string Of(TwinEvent domainEvent) => domainEvent switch
    {
        CityTwin.Twin.Vehicles.WatchlistHit => WatchlistHit,
        CityTwin.Twin.Clinics.CriticalFinding => CriticalFinding,
        ImagingResultRecorded => ImagingResult,
        SightingsRecorded sighting => Vehicle(sighting.Kind),
        IncidentChanged incident => Incident(incident.Kind),
        CameraStatusChanged status => status.Online ? CameraOnline : CameraOffline,
        EntityChanged change => Entity(change.EntityKind),
        Twin.Markets.MarketChanged => MarketTotals,
        Twin.Markets.SessionChanged => SessionTotals,
        Twin.Schools.LessonChanged => Lesson,
        _ => "event:" + domainEvent.GetType().Name,
    };

    /// <summary><c>IllegalDumping</c> → <c>illegal-dumping</c>.</summary>
    private static string Slug(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
