using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Audit;
using CityTwin.Twin.Common;
using CityTwin.Twin.Plates;
using CityTwin.Twin.Wards;
using CityTwin.Twin.Watchlists;
using GraphQL;
using GraphQL.Types;
using EntryPayload = CityTwin.Graph.Schema.Common.PayloadGraphType<CityTwin.Graph.Schema.Watchlists.WatchlistEntryGraphType, CityTwin.Twin.Watchlists.WatchlistEntry>;

namespace CityTwin.Graph.Schema.Watchlists;

/// <summary>
/// Watchlist mutations, through the province's watchlist grain (which tells the affected vehicles). Each is a plate
/// lookup too, so each writes an audit row.
/// </summary>
public static class WatchlistMutationFields
{
    /// <summary>The reason of entries made by <c>reportStolenVehicle</c>.</summary>
    public const string StolenReason = "stolen";

    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<EntryPayload, Payload<WatchlistEntry>>("addToWatchlist")
            .Description("Watches a plate; adding one already watched returns its entry. Operators only.")
            .Argument<NonNullGraphType<StringGraphType>>("plate")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .Argument<NonNullGraphType<StringGraphType>>("reportedBy")
            .Argument<DateTimeOffsetGraphType>("reportedAt", "Default: now.")
            .Argument<StringGraphType>("wardCode")
            .ResolveAsync(context => AddAsync(context, "addToWatchlist", context.GetArgument<string>("reason"), note: null));

        mutation.Field<EntryPayload, Payload<WatchlistEntry>>("reportStolenVehicle")
            .Description($"A resident's theft report: watches the plate with reason \"{StolenReason}\" so the first sighting raises an early warning.")
            .Argument<NonNullGraphType<StringGraphType>>("plate")
            .Argument<NonNullGraphType<DateTimeOffsetGraphType>>("reportedAt")
            .Argument<NonNullGraphType<StringGraphType>>("reportedBy")
            .Argument<StringGraphType>("wardCode", "The ward where it was stolen.")
            .Argument<StringGraphType>("description", "What was reported; kept in the audit trail of the plate.")
            .ResolveAsync(context => AddAsync(context, "reportStolenVehicle", StolenReason, context.GetArgument<string?>("description")));

        mutation.Field<EntryPayload, Payload<WatchlistEntry>>("removeFromWatchlist")
            .Description("Stops watching a plate and returns the entry that was removed. Operators only.")
            .Argument<NonNullGraphType<StringGraphType>>("plate")
            .Argument<NonNullGraphType<StringGraphType>>("removedBy")
            .Argument<StringGraphType>("reason")
            .ResolveAsync(RemoveAsync);
    }

    private static async Task<Payload<WatchlistEntry>?> AddAsync(IResolveFieldContext context, string operation, string reason, string? note)
    {
        context.Require(Capability.Act);
        var text = context.GetArgument<string>("plate");
        var wardCode = context.GetArgument<string?>("wardCode");
        if (!PlateNumber.TryParse(text, out var plate, out var error))
            return Payload<WatchlistEntry>.Fail(SchemaErrorCodes.InvalidInput, $"'{text}' is not a Vietnamese plate: {error}", "plate");
        var grains = context.Service<IGrainFactory>();
        if (wardCode is not null && !WardDefinition.IsGsoCode(wardCode))
            return Payload<WatchlistEntry>.Fail(SchemaErrorCodes.InvalidInput, $"ward code '{wardCode}' is not a 5-digit GSO code", "wardCode");
        if (wardCode is not null && await grains.GetGrain<IWardGrain>(wardCode).GetAsync() is null)
            return Payload<WatchlistEntry>.Fail(SchemaErrorCodes.NotFound, $"ward {wardCode}: no such ward", "wardCode");

        await AuditAsync(context, plate, operation, note ?? reason);
        var request = new WatchlistRequest(plate.Display, reason, context.GetArgument<DateTimeOffset?>("reportedAt") ?? context.Service<TimeProvider>().GetUtcNow(),
            context.GetArgument<string>("reportedBy"), wardCode);
        return await Payload<WatchlistEntry>.TryAsync(() => WatchlistGrain.ForPlate(grains, plate).AddAsync(request));
    }

    private static async Task<Payload<WatchlistEntry>?> RemoveAsync(IResolveFieldContext context)
    {
        context.Require(Capability.Act);
        var text = context.GetArgument<string>("plate");
        if (!PlateNumber.TryParse(text, out var plate, out var error))
            return Payload<WatchlistEntry>.Fail(SchemaErrorCodes.InvalidInput, $"'{text}' is not a Vietnamese plate: {error}", "plate");
        var reason = context.GetArgument<string?>("reason");
        await AuditAsync(context, plate, "removeFromWatchlist", reason);

        var watchlist = WatchlistGrain.ForPlate(context.Service<IGrainFactory>(), plate);
        var entry = (await watchlist.GetEntriesAsync()).FirstOrDefault(e => e.PlateKey == plate.CanonicalKey);
        var notWatched = Payload<WatchlistEntry>.Fail(SchemaErrorCodes.NotFound, $"plate {plate.Display} is not on the watchlist", "plate");
        if (entry is null) return notWatched;
        try
        {
            // False when someone else removed it between the read and the removal.
            return await watchlist.RemoveAsync(plate.CanonicalKey, context.GetArgument<string>("removedBy"), reason ?? "")
                ? Payload<WatchlistEntry>.Ok(entry)
                : notWatched;
        }
        catch (TwinValidationException e)
        {
            return Payload<WatchlistEntry>.Fail(SchemaErrorCodes.InvalidInput, e.Message);
        }
    }

    private static Task AuditAsync(IResolveFieldContext context, PlateNumber plate, string operation, string? reason)
    {
        var principal = context.Principal();
        return context.Service<IPlateLookupAudit>().RecordAsync(
            new PlateLookup(principal.KeyId, Access.Name(principal.Role), plate.CanonicalKey, operation, reason), context.CancellationToken);
    }
}
