using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Stores;
using GraphQL;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Stores;

/// <summary>Store reads: by id, and lists by kind, market, ward and area.</summary>
public static class StoreQueryFields
{
    public static void AddTo(ObjectGraphType query) =>
        PlaceQueryFields.AddTo<StoreGraphType, StoreRow>(query, "store", "stores", "store", Capability.Places,
            field => field
                .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<StoreKind>>>>("kinds")
                .Argument<IdGraphType>("marketId", "Only the retailers of this market."),
            (context, stores) =>
            {
                if (context.GetArgument<List<StoreKind>?>("kinds") is { Count: > 0 } kinds) stores = stores.Where(s => kinds.Contains(s.Kind));
                if (context.GetArgument<string?>("marketId") is { } market) stores = stores.Where(s => s.MarketId == market);
                return stores;
            });
}
