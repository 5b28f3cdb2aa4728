using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Execution;
using CityTwin.Twin.Vehicles;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Live;

/// <summary>New sightings of one vehicle. The plate is in clear for operators and masked for partners.</summary>
public sealed class SightingEventType : ObjectGraphType<SightingsRecorded>
{
    public SightingEventType()
    {
        Name = "SightingEvent";
        Description = "New plate sightings of one vehicle; location is the latest of them.";
        this.AddEventFields();
        Field<NonNullGraphType<StringGraphType>>("plate").Description("The plate as displayed; partners see it masked, e.g. 59-X1 ***.45.")
            .Resolve(c => c.Source.DisplayPlate);
        Field<NonNullGraphType<EnumerationGraphType<VehicleKind>>>("vehicleKind").Resolve(c => c.Source.Kind);
        Field<BooleanGraphType>("watched").Description("Whether the plate is on the watchlist; null unless the caller is an operator.")
            .Resolve(c => c.UserContext is TwinUserContext { Principal: var caller } && Access.Allows(caller, Capability.SeePlates) ? c.Source.Watched : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SightingPointType>>>>("sightings").Description("The reads, oldest first.")
            .Resolve(c => c.Source.Sightings);
    }
}
