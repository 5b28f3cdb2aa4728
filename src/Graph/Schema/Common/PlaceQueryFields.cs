using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Places;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Graph.Schema.Common;

/// <summary>
/// The two query fields every place table gets (stores, schools, clinics): one by id, and a list in id order filtered
/// by area and ward plus the table's own filters. Written once so the three lists page and filter alike.
/// </summary>
public static class PlaceQueryFields
{
    public static void AddTo<TGraphType, TRow>(ObjectGraphType query, string single, string list, string description, Capability capability,
        Action<FieldBuilder<object?, Connection<TRow>>> filterArguments,
        Func<IResolveFieldContext, IQueryable<TRow>, IQueryable<TRow>> filter)
        where TGraphType : ObjectGraphType<TRow>
        where TRow : PlaceRow
    {
        query.Field<TGraphType, TRow>(single)
            .Description($"One {description} by id, or null.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async context =>
            {
                context.Require(capability);
                var id = context.GetArgument<string>("id");
                await using var db = await context.Service<IDbContextFactory<TwinDbContext>>().CreateDbContextAsync(context.CancellationToken);
                return await db.Set<TRow>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, context.CancellationToken);
            });

        var field = query.Field<NonNullGraphType<ConnectionGraphType<TGraphType, TRow>>, Connection<TRow>>(list)
            .Description($"The {description} list in id order, optionally inside an area or a ward.")
            .AreaArgumentsFor(list)
            .Argument<StringGraphType>("wardCode", $"Only {list} of this ward.");
        filterArguments(field);
        field.PageArguments().ResolveAsync(async context =>
        {
            context.Require(capability);
            var page = context.Page();
            var area = context.Area();
            var wardCode = context.GetArgument<string?>("wardCode");
            await using var db = await context.Service<IDbContextFactory<TwinDbContext>>().CreateDbContextAsync(context.CancellationToken);
            var places = filter(context, db.Set<TRow>().AsNoTracking());
            if (area is not null) places = places.StandingIn(area);
            if (wardCode is not null) places = places.InWard(wardCode);
            if (page.After is { } after)
            {
                var afterId = Cursor.Decode(after, list, 1)[0];
                places = places.Where(p => string.Compare(p.Id, afterId) > 0);
            }
            var rows = await places.OrderBy(p => p.Id).Take(page.Fetch).ToListAsync(context.CancellationToken);
            return page.ToConnection(rows, row => Cursor.Encode(list, row.Id), row => row);
        });
    }
}
