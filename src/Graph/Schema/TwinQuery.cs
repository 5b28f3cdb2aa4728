using CityTwin.Graph.Schema.Audit;
using CityTwin.Graph.Schema.Callers;
using CityTwin.Graph.Schema.Cameras;
using CityTwin.Graph.Schema.Clinics;
using CityTwin.Graph.Schema.Incidents;
using CityTwin.Graph.Schema.Markets;
using CityTwin.Graph.Schema.Schools;
using CityTwin.Graph.Schema.Stores;
using CityTwin.Graph.Schema.Vehicles;
using CityTwin.Graph.Schema.Wards;
using CityTwin.Graph.Schema.Watchlists;
using GraphQL.Types;

namespace CityTwin.Graph.Schema;

/// <summary>The query root. Each feature folder adds its own fields, so this file only lists the features.</summary>
public sealed class TwinQuery : ObjectGraphType
{
    public TwinQuery()
    {
        Name = "Query";
        Description = "Reads of the twin. What a caller sees depends on its role; plate lookups are audited.";
        MeQueryFields.AddTo(this);
        CameraQueryFields.AddTo(this);
        VehicleQueryFields.AddTo(this);
        WatchlistQueryFields.AddTo(this);
        IncidentQueryFields.AddTo(this);
        ResponseFigureQueryFields.AddTo(this);
        WardQueryFields.AddTo(this);
        StoreQueryFields.AddTo(this);
        MarketQueryFields.AddTo(this);
        SchoolQueryFields.AddTo(this);
        LessonQueryFields.AddTo(this);
        ClinicQueryFields.AddTo(this);
        AuditQueryFields.AddTo(this);
        Alerts.AlertQueryFields.AddTo(this);
        Coverage.CoverageQueryFields.AddTo(this);
    }
}
