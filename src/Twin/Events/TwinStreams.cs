using Orleans.Runtime;

namespace CityTwin.Twin.Events;

/// <summary>
/// Names of the Orleans stream provider and stream namespaces that carry the twin's domain events.
/// Subscribers (the GraphQL fan-out, tests, tools) use these constants, never string literals.
/// </summary>
public static class TwinStreams
{
    /// <summary>The stream provider registered on every silo and client.</summary>
    public const string Provider = "twin";

    /// <summary>Configuration key of how often the stream's pulling agents poll their queues (a TimeSpan).</summary>
    public const string PullPeriodSetting = "CityTwin:Streams:PullPeriod";

    /// <summary>
    /// Polling period used when <see cref="PullPeriodSetting"/> is not set. Shorter than Orleans' 100 ms so that an
    /// alert reaches the map well within 100 ms (docs/benchmarks.md measures both).
    /// </summary>
    public static readonly TimeSpan DefaultPullPeriod = TimeSpan.FromMilliseconds(20);

    /// <summary>Grain storage that the stream pub/sub needs; kept in memory, it is rebuilt by subscribers on start.</summary>
    public const string PubSubStore = "PubSubStore";

    /// <summary>Plate sightings recorded on vehicles.</summary>
    public const string Sightings = "sightings";

    /// <summary>Alerts for operators: watchlist hits, new incidents, critical findings.</summary>
    public const string Alerts = "alerts";

    /// <summary>Incident lifecycle changes.</summary>
    public const string Incidents = "incidents";

    /// <summary>Camera registrations and status changes.</summary>
    public const string Cameras = "cameras";

    /// <summary>AI readings recorded on clinics; they carry pseudonymised patient ids, so only the clinic's role sees them.</summary>
    public const string ImagingResults = "imagingResults";

    /// <summary>Online markets: totals of markets and of their livestream sessions.</summary>
    public const string Markets = "markets";

    /// <summary>Remote lessons of the digital classroom: attendance and interactions.</summary>
    public const string Lessons = "lessons";

    /// <summary>Other entity changes: wards, stores, schools, clinics, the watchlist.</summary>
    public const string Entities = "entities";

    /// <summary>The one stream key per namespace while the twin runs a single city.</summary>
    public const string CityKey = "thu-duc";

    /// <summary>The stream id of a namespace for the city.</summary>
    public static StreamId For(string streamNamespace) => StreamId.Create(streamNamespace, CityKey);
}
