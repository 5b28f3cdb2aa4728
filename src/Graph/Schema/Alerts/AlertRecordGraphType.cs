using CityTwin.Graph.Schema.Live;
using CityTwin.Twin.Alerts;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Alerts;

/// <summary>A kept alert in the calling key's feed: the alert as its role may see it, and whether this key acknowledged it.</summary>
public sealed class AlertRecordGraphType : ObjectGraphType<AlertRecord>
{
    public AlertRecordGraphType()
    {
        Name = "AlertRecord";
        Description = "A recent alert kept by the twin, with the calling key's acknowledgement.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The alert's eventId: what acknowledgeAlert takes.")
            .Resolve(c => c.Source.Alert.EventId);
        Field<NonNullGraphType<AlertType>, object>("alert").Description("The alert, shown as the caller's role allows (masked plates for partners).")
            .Resolve(c => c.Source.Alert);
        Field<NonNullGraphType<BooleanGraphType>>("acknowledged").Description("Whether the calling key acknowledged it.")
            .Resolve(c => c.Source.AcknowledgedAt is not null);
        Field<DateTimeOffsetGraphType>("acknowledgedAt").Description("When the calling key acknowledged it; null while unacknowledged.")
            .Resolve(c => c.Source.AcknowledgedAt);
    }
}
