using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Cameras;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Spatial;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using CameraConnection = CityTwin.Graph.Schema.Common.ConnectionGraphType<CityTwin.Graph.Schema.Cameras.CameraGraphType, CityTwin.Graph.Schema.Cameras.CameraNode>;

namespace CityTwin.Graph.Schema.Cameras;

/// <summary>
/// Query fields for cameras: by id, filtered lists (area, ward, kind, status) paged by id, and the cameras near a
/// point paged by distance. All read <c>cameras</c> in PostGIS, whose rows the camera grains write through.
/// </summary>
public static class CameraQueryFields
{
    /// <summary>Largest radius of camerasNear: the longest camera range, so "which cameras could see this" fits.</summary>
    public const double MaxRadiusM = 20_000;

    private const string ListName = "cameras";
    private const string NearName = "camerasNear";

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<CameraGraphType, CameraNode>("camera")
            .Description("One camera by id, or null.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async context =>
            {
                context.Require(Capability.Cameras);
                var id = context.GetArgument<string>("id");
                await using var db = await context.Service<IDbContextFactory<TwinDbContext>>().CreateDbContextAsync(context.CancellationToken);
                var row = await db.Set<CameraRow>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, context.CancellationToken);
                return row is null ? null : CameraNode.From(row);
            });

        query.Field<NonNullGraphType<CameraConnection>, Connection<CameraNode>>(ListName)
            .Description("Cameras in id order, optionally only those in an area or a ward, of some kinds, or online/offline.")
            .AreaArgumentsFor("cameras")
            .Argument<StringGraphType>("wardCode", "Only cameras of this ward (inside its boundary where one is loaded).")
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<CameraKind>>>>("kinds", "Only cameras of these kinds.")
            .Argument<BooleanGraphType>("online", "Only online (true) or offline (false) cameras.")
            .PageArguments()
            .ResolveAsync(async context =>
            {
                context.Require(Capability.Cameras);
                var page = context.Page();
                var area = context.Area();
                var wardCode = context.GetArgument<string?>("wardCode");
                var kinds = context.GetArgument<List<CameraKind>?>("kinds");
                var online = context.GetArgument<bool?>("online");
                await using var db = await context.Service<IDbContextFactory<TwinDbContext>>().CreateDbContextAsync(context.CancellationToken);
                var cameras = db.Set<CameraRow>().AsNoTracking();
                if (area is not null) cameras = cameras.StandingIn(area);
                if (wardCode is not null) cameras = cameras.InWard(db, wardCode);
                if (kinds is { Count: > 0 }) cameras = cameras.Where(c => kinds.Contains(c.Kind));
                if (online is { } isOnline) cameras = cameras.Where(c => c.Online == isOnline);
                if (page.After is { } after)
                {
                    var afterId = Cursor.Decode(after, ListName, 1)[0];
                    cameras = cameras.Where(c => string.Compare(c.Id, afterId) > 0);
                }
                var rows = await cameras.OrderBy(c => c.Id).Take(page.Fetch).ToListAsync(context.CancellationToken);
                return page.ToConnection(rows, row => Cursor.Encode(ListName, row.Id), row => CameraNode.From(row));
            });

        query.Field<NonNullGraphType<CameraConnection>, Connection<CameraNode>>(NearName)
            .Description("Cameras within radiusM metres of a point, nearest first, each with its distanceM.")
            .Argument<NonNullGraphType<FloatGraphType>>("longitude")
            .Argument<NonNullGraphType<FloatGraphType>>("latitude")
            .Argument<NonNullGraphType<FloatGraphType>>("radiusM", $"Metres, (0, {MaxRadiusM}].")
            .PageArguments()
            .ResolveAsync(async context =>
            {
                context.Require(Capability.Cameras);
                var page = context.Page();
                var point = new GeoPoint(context.GetArgument<double>("longitude"), context.GetArgument<double>("latitude"));
                var radius = context.GetArgument<double>("radiusM");
                if (!point.IsValid) throw TwinErrors.BadInput($"point {point} is outside WGS84 ranges (longitude -180..180, latitude -90..90)");
                if (radius is not (> 0 and <= MaxRadiusM)) throw TwinErrors.BadInput($"radiusM must be in (0, {MaxRadiusM}], not {radius}");
                // Distance order has no stable key to seek from, so this list pages by position; the radius bounds it.
                var offset = page.After is { } after ? (int)Math.Min(Cursor.Number(Cursor.Decode(after, NearName, 1)[0], after), 100_000) : 0;
                await using var db = await context.Service<IDbContextFactory<TwinDbContext>>().CreateDbContextAsync(context.CancellationToken);
                var nearest = await db.NearestAsync(point, radius, offset + page.Fetch, context.CancellationToken);
                var rows = nearest.Skip(offset).Select((found, index) => (found.Camera, found.DistanceM, Position: offset + index + 1)).ToList();
                return page.ToConnection(rows, row => Cursor.Encode(NearName, row.Position.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    row => CameraNode.From(row.Camera, row.DistanceM));
            });
    }
}
