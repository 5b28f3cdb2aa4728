using CityTwin.Twin.Incidents;
using CityTwin.Twin.Vehicles;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Live;

/// <summary>What operators act on: watchlist hits and newly opened incidents. Critical imaging findings join when imaging publishes them.</summary>
public sealed class AlertType : UnionGraphType
{
    public AlertType()
    {
        Name = "Alert";
        Description = "An operator alert: a watchlist hit or a newly opened incident.";
        Type<WatchlistHitAlertType>();
        Type<IncidentEventType>();
        ResolveType = value => value switch
        {
            WatchlistHit => PossibleTypes.First(t => t is WatchlistHitAlertType),
            IncidentChanged => PossibleTypes.First(t => t is IncidentEventType),
            _ => null,
        };
    }
}
