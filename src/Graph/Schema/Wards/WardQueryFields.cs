using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Wards;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using WardConnection = CityTwin.Graph.Schema.Common.ConnectionGraphType<CityTwin.Graph.Schema.Wards.WardGraphType, CityTwin.Twin.Wards.WardRow>;

namespace CityTwin.Graph.Schema.Wards;

/// <summary>Ward reads: by code, and lists in code order by district, area, and whether a ward has cameras.</summary>
public static class WardQueryFields
{
    private const string ListName = "wards";

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<WardGraphType, WardRow>("ward")
            .Description("One ward by GSO code, or null.")
            .Argument<NonNullGraphType<IdGraphType>>("code")
            .ResolveAsync(async context =>
            {
                context.Require(Capability.Wards);
                var code = context.GetArgument<string>("code");
                await using var db = await context.Service<IDbContextFactory<TwinDbContext>>().CreateDbContextAsync(context.CancellationToken);
                return await db.Set<WardRow>().AsNoTracking().SingleOrDefaultAsync(w => w.Code == code, context.CancellationToken);
            });

        query.Field<NonNullGraphType<WardConnection>, Connection<WardRow>>(ListName)
            .Description("Wards in code order with their aggregates.")
            .Argument<StringGraphType>("districtCode", "Only wards of this district, e.g. 769 (Thu Duc City).")
            .Argument<BooleanGraphType>("hasCameras", "Only wards with (true) or without (false) cameras: the coverage gaps.")
            .AreaArgumentsFor("wards")
            .PageArguments()
            .ResolveAsync(async context =>
            {
                context.Require(Capability.Wards);
                var page = context.Page();
                var area = context.Area();
                var district = context.GetArgument<string?>("districtCode");
                var hasCameras = context.GetArgument<bool?>("hasCameras");
                await using var db = await context.Service<IDbContextFactory<TwinDbContext>>().CreateDbContextAsync(context.CancellationToken);
                var wards = db.Set<WardRow>().AsNoTracking();
                if (district is not null) wards = wards.InDistrict(district);
                if (area is not null) wards = wards.ReachingInto(area);
                if (hasCameras is { } has) wards = wards.Where(w => (w.CameraIds.Count > 0) == has);
                if (page.After is { } after)
                {
                    var afterCode = Cursor.Decode(after, ListName, 1)[0];
                    wards = wards.Where(w => string.Compare(w.Code, afterCode) > 0);
                }
                var rows = await wards.OrderBy(w => w.Code).Take(page.Fetch).ToListAsync(context.CancellationToken);
                return page.ToConnection(rows, row => Cursor.Encode(ListName, row.Code), row => row);
            });
    }
}
