using CityTwin.Twin.Clinics;
using CityTwin.Twin.Incidents;
using CityTwin.Twin.Vehicles;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Live;

/// <summary>What operators act on: watchlist hits, newly opened incidents and critical imaging findings.</summary>
public sealed class AlertType : UnionGraphType
{
    public AlertType()
    {
        Name = "Alert";
        Description = "An operator alert: a watchlist hit, a newly opened incident or a critical imaging finding.";
        Type<WatchlistHitAlertType>();
        Type<IncidentEventType>();
        Type<CriticalFindingAlertType>();
        ResolveType = value => value switch
        {
            WatchlistHit => PossibleTypes.First(t => t is WatchlistHitAlertType),
            IncidentChanged => PossibleTypes.First(t => t is IncidentEventType),
            CriticalFinding => PossibleTypes.First(t => t is CriticalFindingAlertType),
            _ => null,
        };
    }
}
