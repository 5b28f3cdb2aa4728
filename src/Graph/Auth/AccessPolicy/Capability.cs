namespace CityTwin.Graph.Auth.AccessPolicy;

/// <summary>
/// What a caller may see or do, one value per thing the API guards. <see cref="Access"/> says which role has which;
/// queries, subscriptions, REST endpoints and the map client (through <c>me { capabilities }</c>) all ask it.
/// </summary>
public enum Capability
{
    /// <summary>Cameras, their status and view areas (queries and <c>cameraStatus</c>).</summary>
    Cameras,
    /// <summary>Wards and their aggregates.</summary>
    Wards,
    /// <summary>Incidents and their timelines (queries and <c>incidentUpdates</c>).</summary>
    Incidents,
    /// <summary>Stores and schools.</summary>
    Places,
    /// <summary>Clinics as places (name, kind, location); their imaging counters are checked per clinic.</summary>
    Clinics,
    /// <summary><c>vehicle(plate:)</c>: one vehicle's sightings, route and predicted cameras. Every lookup is audited.</summary>
    TrackVehicles,
    /// <summary>Reading the watchlist as a list (plates masked unless <see cref="SeePlates"/>).</summary>
    ReadWatchlist,
    /// <summary>Asking the watchlist about one plate (<c>watchlist(plate:)</c>): a yes/no oracle, so operators only.</summary>
    SearchWatchlist,
    /// <summary>Licence plates, detection ids and reporters' names in clear.</summary>
    SeePlates,
    /// <summary>Licence plates masked (<c>59-X1 ***.45</c>): province and series, the last two digits.</summary>
    SeeMaskedPlates,
    /// <summary>The <c>sightings</c> subscription and vehicle changes on <c>entityChanged</c>: where vehicles go.</summary>
    FollowSightings,
    /// <summary>Watchlist hits on <c>alerts</c> (for a masked-plate role only a hit's first sighting).</summary>
    WatchlistHits,
    /// <summary>Watchlist changes on <c>entityChanged</c>.</summary>
    WatchlistChanges,
    /// <summary><c>GET /plates/crops/{sha256}.jpg</c>: the image shows the plate in clear.</summary>
    PlateCrops,
    /// <summary>Mutations: the watchlist, incident transitions, camera status, camera keys.</summary>
    Act,
    /// <summary><c>recordPlateReads</c> and <c>POST /plates/reads</c> (a camera key for its own camera only).</summary>
    SubmitPlateReads,
    /// <summary>STOW-RS <c>POST /dicomweb/studies</c> (a clinic key for its own clinic; operators name the clinic).</summary>
    StoreImaging,
    /// <summary>A clinic's imaging counters (<c>clinic { imaging }</c>), for operators and the clinic itself.</summary>
    ImagingCounters,
    /// <summary>A clinic's own studies and <c>imagingResults</c>: pseudonymised patient data, the clinic's own key only.</summary>
    ImagingResults,
    /// <summary><c>CRITICAL_FINDING</c> alerts (they name a clinic and findings).</summary>
    CriticalFindings,
    /// <summary><c>auditTrail</c>: who looked at which plate.</summary>
    AuditTrail,
    /// <summary>A market's totals, sessions, orders (buyers masked) and reconciliation: operators, and a market key for its own market.</summary>
    MarketTotals,
    /// <summary>Market office work: defining the event, retailers joining, batches of sessions and orders (a market key for its own).</summary>
    MarketOffice,
    /// <summary>Remote lessons, their attendance and interactions, and the teacher-shortage view.</summary>
    Lessons,
    /// <summary>The schools' office: scheduling remote lessons and recording attendance.</summary>
    ManageLessons,
    /// <summary>The public basemap layers (<c>/map/layers</c>), open to everyone, keys or not.</summary>
    Basemap,
    /// <summary><c>reportCameraEvents</c> and <c>POST /camera-events</c> (a camera key for its own camera only).</summary>
    SubmitCameraEvents,
    /// <summary>An incident's snapshot (<c>snapshotUrl</c>, <c>GET /incidents/snapshots/…</c>): it may show people.</summary>
    IncidentSnapshots,
    /// <summary><c>coverage</c>, <c>coverageGaps</c>, stored plans, planned cameras and their exports: planners, and operators to read.</summary>
    Coverage,
    /// <summary><c>planCameras</c>, <c>planCamerasToTarget</c>, <c>startCameraPlan</c>, <c>planProgress</c> and <c>adoptPlan</c>: planners only.</summary>
    PlanCameras,
    /// <summary><c>acknowledgeAlert</c>: marking a recent alert handled for one's own key (audited). Operators only.</summary>
    AcknowledgeAlerts,
}
