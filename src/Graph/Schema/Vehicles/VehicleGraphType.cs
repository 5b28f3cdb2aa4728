using System.Globalization;
using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Vehicles;
using CityTwin.Twin.Vehicles.Sightings;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SightingConnection = CityTwin.Graph.Schema.Common.ConnectionGraphType<CityTwin.Graph.Schema.Vehicles.SightingGraphType, CityTwin.Graph.Schema.Vehicles.SightingNode>;

namespace CityTwin.Graph.Schema.Vehicles;

/// <summary>
/// The <c>Vehicle</c> type. Live state (watch status, recent sightings, trace) comes from the vehicle grain; the full
/// sighting history pages through PostGIS. Plates are in clear for operators and masked for partners.
/// </summary>
public sealed class VehicleGraphType : ObjectGraphType<VehicleNode>
{
    private const string SightingList = "sightings";

    public VehicleGraphType()
    {
        Name = "Vehicle";
        Description = "A vehicle known by its plate: its watch status, its sightings and its trace on the map.";
        Field<StringGraphType>("plate").Description("As written, e.g. 59-X1 123.45; masked for partners.")
            .Resolve(c => PlateMask.Display(c.Principal(), c.Source.DisplayPlate));
        Field<StringGraphType>("plateKey").Description("Canonical key, e.g. 59X112345; masked for partners.")
            .Resolve(c => PlateMask.Key(c.Principal(), c.Source.PlateKey, c.Source.DisplayPlate));
        Field<NonNullGraphType<EnumerationGraphType<VehicleKind>>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<BooleanGraphType>>("seen").Description("False for a watched plate no camera has read yet.")
            .Resolve(c => c.Source.FirstSeenAt is not null);
        Field(v => v.FirstSeenAt, nullable: true);
        Field<NonNullGraphType<BooleanGraphType>>("watched").Resolve(c => c.Source.Watch is not null);
        Field<WatchStatusGraphType>("watch").Resolve(c => c.Source.Watch);
        Field<SightingGraphType>("lastSighting").Resolve(c => c.Source.RecentSightings.Count == 0 ? null : SightingNode.From(c.Source.RecentSightings[^1]));
        Field<GeoJsonGraphType>("trace")
            .Description("The route: recent sightings joined in time order, a GeoJSON LineString; null with fewer than two.")
            .Resolve(c => c.Source.Trace);
        Field<FloatGraphType>("speedKmh")
            .Description("Speed between the last two sightings at different places, along the roads where matched; null when unknown.")
            .ResolveAsync(async c => (await c.Source.RouteAsync(c.Service<IGrainFactory>()))?.SpeedKmh);
        Field<FloatGraphType>("headingDegrees")
            .Description("Direction of travel between the last two places, degrees clockwise from north; null when unknown.")
            .ResolveAsync(async c => (await c.Source.RouteAsync(c.Service<IGrainFactory>()))?.HeadingDegrees);
        Field<VehicleRouteGraphType>("route")
            .Description("The trace with times, matched to the roads where they are loaded; null for a plate no camera has read.")
            .ResolveAsync(async c => await c.Source.RouteAsync(c.Service<IGrainFactory>()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PredictedCameraGraphType>>>>("predictedNextCameras")
            .Description("The cameras the vehicle should reach next, nearest first, with ETAs.")
            .ResolveAsync(async c => (await c.Source.RouteAsync(c.Service<IGrainFactory>()))?.NextCameras ?? []);
        Field<NonNullGraphType<SightingConnection>, Connection<SightingNode>>(SightingList)
            .Description("Every stored sighting, newest first.")
            .PageArguments()
            .ResolveAsync(async context =>
            {
                var page = context.Page();
                await using var db = await context.Service<IDbContextFactory<TwinDbContext>>().CreateDbContextAsync(context.CancellationToken);
                var sightings = db.SightingsOf(context.Source.PlateKey).AsNoTracking();
                if (page.After is { } after)
                {
                    var key = Cursor.Decode(after, SightingList, 2);
                    sightings = sightings.After(new DateTimeOffset(Cursor.Number(key[0], after), TimeSpan.Zero), key[1]);
                }
                var rows = await sightings.Take(page.Fetch).ToListAsync(context.CancellationToken);
                return page.ToConnection(rows,
                    row => Cursor.Encode(SightingList, row.SeenAt.UtcTicks.ToString(CultureInfo.InvariantCulture), row.DetectionId),
                    SightingNode.From);
            });
    }
}
