using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Schema.Common;
using CityTwin.Graph.Webhooks;
using CityTwin.Twin.Common;
using CityTwin.Twin.Markets;
using CityTwin.Twin.Places;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Stores;
using GraphQL;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Markets;

/// <summary>
/// The market office's mutations: define the event, let retailers join, and send batches of sessions and orders (the
/// GraphQL form of <c>POST /webhooks/market-orders</c>). Operators for any market, a market key for its own.
/// </summary>
public static class MarketMutationFields
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<MarketBatchPayloadGraphType>, MarketBatchResult>("defineMarketEvent")
            .Description("Creates or updates a market's online event (the market is a store of kind MARKET).")
            .Argument<NonNullGraphType<IdGraphType>>("marketId")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .Argument<NonNullGraphType<StringGraphType>>("organiser")
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("startsAt")
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("endsAt")
            .ResolveAsync(async c =>
            {
                var market = Market(c);
                var errors = await market.DefineAsync(new MarketEventDefinition(c.GetArgument<string>("name"), c.GetArgument<string>("organiser"),
                    c.GetArgument<DateTimeOffset>("startsAt"), c.GetArgument<DateTimeOffset>("endsAt")));
                return errors.Count > 0 ? MarketBatchResult.Refused(errors) : new MarketBatchResult(0, 0, 0, [], await market.GetTotalsAsync());
            });

        mutation.Field<NonNullGraphType<MarketBatchPayloadGraphType>, MarketBatchResult>("joinMarket")
            .Description("Retailers joining a market's event, all or nothing; joining twice keeps the earlier time.")
            .Argument<NonNullGraphType<IdGraphType>>("marketId")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<RetailerJoinInputGraphType>>>>("retailers")
            .ResolveAsync(async c =>
            {
                var market = Market(c);
                var marketId = c.GetArgument<string>("marketId");
                var inputs = c.GetArgument<List<RetailerJoinInput>>("retailers");
                var errors = await RegisterNewRetailersAsync(c.Service<IGrainFactory>(), marketId, inputs);
                if (errors.Count > 0) return MarketBatchResult.Refused(errors);
                return await market.JoinAsync(inputs.Select(r => new RetailerJoin(r.StoreId!, r.JoinedAt!.Value)).ToList());
            });

        mutation.Field<NonNullGraphType<MarketBatchPayloadGraphType>, MarketBatchResult>("recordMarketOrders")
            .Description($"A batch of sessions and order events for one market, applied all or nothing (at most {MarketLimits.MaxBatch} items); idempotent per platform, order id and version.")
            .Argument<NonNullGraphType<IdGraphType>>("marketId")
            .Argument<ListGraphType<NonNullGraphType<MarketSessionInputGraphType>>>("sessions")
            .Argument<ListGraphType<NonNullGraphType<MarketOrderInputGraphType>>>("orders")
            .ResolveAsync(async c =>
            {
                var market = Market(c);
                var errors = new List<MarketItemError>();
                var batch = MarketBatchMapper.ToBatch(c.GetArgument<List<MarketSessionInput?>?>("sessions"), c.GetArgument<List<MarketOrderInput?>?>("orders"), errors);
                return batch is null ? MarketBatchResult.Refused(errors) : await market.ApplyAsync(batch);
            });
    }

    private static IMarketGrain Market(IResolveFieldContext context)
    {
        var marketId = context.GetArgument<string>("marketId");
        var caller = context.Principal();
        if (!Access.CanRunMarket(caller, marketId))
            throw TwinErrors.Forbidden($"the {Access.Name(caller.Role)} role may not run market {marketId}");
        return context.Service<IGrainFactory>().GetGrain<IMarketGrain>(marketId);
    }

    /// <summary>Registers named stores not yet known as retailers of the market, at the market's place unless a position is given.</summary>
    private static async Task<List<MarketItemError>> RegisterNewRetailersAsync(IGrainFactory grains, string marketId, List<RetailerJoinInput> inputs)
    {
        var errors = new List<MarketItemError>();
        var market = await grains.GetGrain<IStoreGrain>(marketId).GetAsync();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            if (input.Name is null || market is null) continue;
            var store = grains.GetGrain<IStoreGrain>(input.StoreId!);
            if (await store.GetAsync() is not null) continue;
            var at = input.Lon is { } lon && input.Lat is { } lat ? new GeoPoint(lon, lat) : market.Place.Location;
            try
            {
                await store.RegisterAsync(new StoreDefinition(new Place(input.Name, market.Place.WardCode, at), StoreKind.Retailer, marketId));
            }
            catch (TwinValidationException e)
            {
                errors.Add(new MarketItemError("retailer", i, MarketErrorCodes.InvalidField, e.Message));
            }
        }
        return errors;
    }
}
