using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Live;
using CityTwin.Twin.Events;
using CityTwin.Twin.Incidents;
using CityTwin.Twin.Vehicles;
using GraphQL;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Live;

/// <summary>
/// The subscription root: live twin events from this node's hub, each field scoped by an optional map area and
/// kinds, and shown as the caller's role allows (<see cref="LiveAccess"/>). Argument and role errors end the request
/// before any subscription exists, with <c>extensions.code</c> BAD_USER_INPUT, FORBIDDEN or UNAUTHENTICATED.
/// </summary>
public sealed class TwinSubscriptionType : ObjectGraphType, ITwinSubscriptionRoot
{
    private readonly ILiveEvents events;
    private readonly LiveAuditQueue? audit;

    /// <param name="audit">Where subscriptions to plate-bearing fields are audited; null only where no database is wired.</param>
    public TwinSubscriptionType(ILiveEvents events, LiveAuditQueue? audit = null)
    {
        this.events = events;
        this.audit = audit;
        Name = "Subscription";
        Description = "Live events of the twin. Each field takes an optional map area (bbox or polygon) and kinds.";

        Field<NonNullGraphType<AlertType>, object>("alerts")
            .Description("Operator alerts: watchlist hits (partners: the first sighting only, plates masked; not for planners), newly opened incidents and critical imaging findings (operators only).")
            .AreaArguments()
            .Argument<ListGraphType<NonNullGraphType<AlertKindType>>>(LiveArguments.Kinds, "Only these kinds of alert.")
            .ResolveStream(c => Open(c, "alerts", TwinStreams.Alerts,
                LiveAccess.Alerts(LiveErrors.Principal(c), LiveArguments.KindsArgument<string>(c, ExpandAlertKind))));

        Field<NonNullGraphType<SightingEventType>, object>("sightings")
            .Description("Plate sightings: where vehicles go. Operators only; other roles are FORBIDDEN.")
            .AreaArguments()
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<VehicleKind>>>>(LiveArguments.Kinds, "Only these kinds of vehicle.")
            .ResolveStream(c => Open(c, "sightings", TwinStreams.Sightings,
                LiveAccess.Sightings(LiveErrors.Principal(c), LiveArguments.KindsArgument<VehicleKind>(c, k => [LiveKinds.Vehicle(k)]))));

        Field<NonNullGraphType<IncidentEventType>, object>("incidentUpdates")
            .Description("Incidents opened and moved along their lifecycle.")
            .AreaArguments()
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<IncidentKind>>>>(LiveArguments.Kinds, "Only these kinds of incident.")
            .ResolveStream(c => Open(c, TwinStreams.Incidents,
                LiveAccess.PublicData(LiveErrors.Principal(c), LiveArguments.KindsArgument<IncidentKind>(c, k => [LiveKinds.Incident(k)]), null, "incidentUpdates", Capability.Incidents)));

        Field<NonNullGraphType<CameraStatusEventType>, object>("cameraStatus")
            .Description("Cameras going online or offline.")
            .AreaArguments()
            .Argument<ListGraphType<NonNullGraphType<CameraStatusKindType>>>(LiveArguments.Kinds, "Only these status changes.")
            .ResolveStream(c => Open(c, TwinStreams.Cameras,
                LiveAccess.PublicData(LiveErrors.Principal(c), LiveArguments.KindsArgument<string>(c, k => [k]),
                    new HashSet<string>(StringComparer.Ordinal) { LiveKinds.CameraOnline, LiveKinds.CameraOffline }, "cameraStatus", Capability.Cameras)));

        Field<NonNullGraphType<ImagingResultEventType>, object>("imagingResults")
            .Description("AI chest X-ray readings of the caller's own clinic. Only clinic keys may subscribe; other roles are FORBIDDEN.")
            .ResolveStream(c => Open(c, TwinStreams.ImagingResults, LiveAccess.ImagingResults(LiveErrors.Principal(c))));

        Field<NonNullGraphType<EntityChangedEventType>, object>("entityChanged")
            .Description("Entities created or changed: cameras, vehicles, the watchlist, wards, stores, schools, clinics.")
            .AreaArguments()
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>(LiveArguments.Kinds,
                $"Only these entity kinds: {string.Join(", ", LiveAccess.EntityKinds)}.")
            .ResolveStream(c => Open(c, "entityChanged", [TwinStreams.Entities, TwinStreams.Cameras],
                LiveAccess.Entities(LiveErrors.Principal(c), LiveArguments.KindsArgument<string>(c, EntityKind))));

        Markets.MarketSubscriptionFields.AddTo(this, events);
        Schools.LessonSubscriptionFields.AddTo(this, events);
        Coverage.CoverageSubscriptionFields.AddTo(this);
    }

    private IObservable<object> Open(IResolveFieldContext context, string streamNamespace, LiveGrant grant) =>
        Open(context, null, [streamNamespace], grant);

    private IObservable<object> Open(IResolveFieldContext context, string? auditedField, string streamNamespace, LiveGrant grant) =>
        Open(context, auditedField, [streamNamespace], grant);

    /// <param name="auditedField">The field's name when it can carry plates: its subscriptions are audited.</param>
    private IObservable<object> Open(IResolveFieldContext context, string? auditedField, string[] namespaces, LiveGrant grant)
    {
        var area = LiveArguments.Area(context);
        try
        {
            var filter = new LiveFilter(namespaces.ToHashSet(StringComparer.Ordinal), area, grant.Kinds);
            IObservable<object> live = new LiveProjection(events.Observe(filter), grant.Project);
            if (audit is null || auditedField is null) return live;
            var where = area is null ? "city-wide" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"area {area.EnvelopeInternal.MinX:0.#####},{area.EnvelopeInternal.MinY:0.#####},{area.EnvelopeInternal.MaxX:0.#####},{area.EnvelopeInternal.MaxY:0.#####}");
            var kinds = grant.Kinds is null ? "all kinds" : "kinds " + string.Join(",", grant.Kinds.Order(StringComparer.Ordinal));
            return new AuditedSubscription(live, audit, LiveErrors.Principal(context), auditedField, $"{where}; {kinds}");
        }
        catch (ArgumentException e)
        {
            throw LiveErrors.BadInput(e.Message);
        }
    }

    private static IEnumerable<string> ExpandAlertKind(string kind) =>
        kind == AlertKindType.IncidentOpened ? LiveKinds.AllIncidents : [kind];

    private static IEnumerable<string> EntityKind(string kind) =>
        LiveAccess.EntityKinds.Contains(kind)
            ? [LiveKinds.Entity(kind)]
            : throw LiveErrors.BadInput($"'{kind}' is not an entity kind; use one of {string.Join(", ", LiveAccess.EntityKinds)}");
}
