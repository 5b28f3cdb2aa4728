using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Vehicles.Routes;
using GraphQL.Types;
using NetTopologySuite.Geometries;

namespace CityTwin.Graph.Schema.Vehicles;

/// <summary>The <c>VehicleRoute</c> type: the trace on the map (along the roads where they are loaded) with its times.</summary>
public sealed class VehicleRouteGraphType : ObjectGraphType<VehicleRoute>
{
    public VehicleRouteGraphType()
    {
        Name = "VehicleRoute";
        Description = "Where the vehicle went: its sightings in time order and the line joining them, along the roads where a road path joins them.";
        Field<GeoJsonGraphType>("line")
            .Description("A GeoJSON LineString (SRID 4326); null with fewer than two places.")
            .Resolve(c => c.Source.Line.Count < 2
                ? null
                : GeoFactory.Wgs84.CreateLineString(c.Source.Line.Select(p => new Coordinate(p.Longitude, p.Latitude)).ToArray()));
        Field(r => r.MatchedToRoads).Description("True when every leg follows the road graph; false when roads are not loaded or a leg is straight.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TracePointGraphType>>>>("points")
            .Description("The sightings on the line, oldest first, with their times.")
            .Resolve(c => c.Source.Points);
    }
}
