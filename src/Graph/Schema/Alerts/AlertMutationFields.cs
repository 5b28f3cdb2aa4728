using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Alerts;
using CityTwin.Twin.Audit;
using CityTwin.Twin.Vehicles;
using GraphQL;
using GraphQL.Types;
using AlertPayload = CityTwin.Graph.Schema.Common.PayloadGraphType<CityTwin.Graph.Schema.Alerts.AlertRecordGraphType, CityTwin.Twin.Alerts.AlertRecord>;

namespace CityTwin.Graph.Schema.Alerts;

/// <summary>
/// <c>acknowledgeAlert(id)</c>: the calling key has seen an alert and acts on it. Every acknowledgement is written to
/// the audit trail before it is made, so the trail says who acknowledged which alert even after the log forgets it.
/// </summary>
public static class AlertMutationFields
{
    private const string Operation = "acknowledgeAlert";

    public static void AddTo(ObjectGraphType mutation) =>
        mutation.Field<AlertPayload, Payload<AlertRecord>>(Operation)
            .Description("Acknowledges a recent alert for the calling key (acknowledging twice keeps the first time). Audited. Operators only.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The alert's id (AlertRecord.id, or eventId of a live alert).")
            .ResolveAsync(AcknowledgeAsync);

    private static async Task<Payload<AlertRecord>?> AcknowledgeAsync(IResolveFieldContext context)
    {
        var caller = context.Require(Capability.AcknowledgeAlerts);
        var text = context.GetArgument<string>("id");
        if (!Guid.TryParse(text, out var id))
            return Payload<AlertRecord>.Fail(SchemaErrorCodes.InvalidInput, $"'{text}' is not an alert id", "id");
        var log = AlertLog.For(context.Service<IGrainFactory>());
        var kept = await log.FindAsync(id, caller.KeyId);
        if (kept is null || !AlertFeed.Visible(caller, [kept]).Any())
            return Payload<AlertRecord>.Fail(SchemaErrorCodes.NotFound, $"no recent alert has id {id}", "id");

        var plate = (kept.Alert as WatchlistHit)?.WatchedPlateKey;
        await context.Service<IPlateLookupAudit>().RecordAsync(
            new PlateLookup(caller.KeyId, Access.Name(caller.Role), plate, Operation, Detail: $"alert {id} ({kept.Alert.EntityKind} {kept.Alert.EntityId})"),
            context.CancellationToken);
        var acknowledged = await log.AcknowledgeAsync(id, caller.KeyId);
        return acknowledged is null
            ? Payload<AlertRecord>.Fail(SchemaErrorCodes.NotFound, $"alert {id} left the recent alerts before it could be acknowledged", "id")
            : Payload<AlertRecord>.Ok(AlertFeed.Visible(caller, [acknowledged]).First());
    }
}
