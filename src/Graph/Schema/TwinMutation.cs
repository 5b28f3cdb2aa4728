using CityTwin.Graph.Schema.Cameras;
using CityTwin.Graph.Schema.Incidents;
using CityTwin.Graph.Schema.Markets;
using CityTwin.Graph.Schema.Schools;
using CityTwin.Graph.Schema.Vehicles;
using CityTwin.Graph.Schema.Watchlists;
using GraphQL.Types;

namespace CityTwin.Graph.Schema;

/// <summary>
/// The mutation root: operators' actions. Other roles get a FORBIDDEN error on the field; refusals by the twin come
/// back as typed errors in each payload.
/// </summary>
public sealed class TwinMutation : ObjectGraphType
{
    public TwinMutation()
    {
        Name = "Mutation";
        Description = "Operators' actions on the twin: the watchlist, the incident lifecycle, camera status, camera keys; and cameras' plate reads.";
        WatchlistMutationFields.AddTo(this);
        IncidentMutationFields.AddTo(this);
        CameraMutationFields.AddTo(this);
        PlateReadMutationFields.AddTo(this);
        CameraEvents.CameraEventMutationFields.AddTo(this);
        MarketMutationFields.AddTo(this);
        LessonMutationFields.AddTo(this);
        Coverage.CoverageMutationFields.AddTo(this);
        Alerts.AlertMutationFields.AddTo(this);
    }
}
