using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Execution.Cost;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Audit;
using CityTwin.Twin.Plates;
using CityTwin.Twin.Vehicles;
using CityTwin.Twin.Watchlists;
using GraphQL;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Vehicles;

/// <summary>
/// The plate lookup. It is audited before anything is read: a lookup whose audit row cannot be written fails,
/// so no plate is ever looked at without a trace.
/// </summary>
public static class VehicleQueryFields
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<VehicleGraphType, VehicleNode>("vehicle")
            .Description("A vehicle by plate; null when no camera has read it and it is not watched. Every lookup is audited.")
            .Argument<NonNullGraphType<StringGraphType>>("plate", "As written (59-X1 123.45, 51G-123.45) or canonical (59X112345).")
            .Argument<StringGraphType>("reason", "Why you look it up; kept in the audit trail.")
            .PlateLookup()
            .ResolveAsync(async context =>
            {
                var principal = context.Require(Capability.TrackVehicles);
                var text = context.GetArgument<string>("plate");
                if (!PlateNumber.TryParse(text, out var plate, out var error))
                    throw TwinErrors.BadInput($"'{text}' is not a Vietnamese plate: {error}");
                await context.Service<IPlateLookupAudit>().RecordAsync(
                    new PlateLookup(principal.KeyId, Access.Name(principal.Role), plate.CanonicalKey, "vehicle", context.GetArgument<string?>("reason")),
                    context.CancellationToken);

                var grains = context.Service<IGrainFactory>();
                if (await grains.GetGrain<IVehicleGrain>(plate.CanonicalKey).GetAsync() is { } snapshot)
                    return VehicleNode.From(snapshot);
                var watch = await WatchlistGrain.ForPlate(grains, plate).MatchAsync(plate.CanonicalKey);
                return watch is null ? null : VehicleNode.Unseen(plate, watch);
            });
    }
}
