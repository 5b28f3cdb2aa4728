using System.Globalization;
using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Execution.Cost;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Audit;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Plates;
using CityTwin.Twin.Watchlists;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using WatchlistConnection = CityTwin.Graph.Schema.Common.ConnectionGraphType<CityTwin.Graph.Schema.Watchlists.WatchlistEntryGraphType, CityTwin.Twin.Watchlists.WatchlistEntry>;

namespace CityTwin.Graph.Schema.Watchlists;

/// <summary>
/// The watchlist read: active rows of <c>watchlist_entries</c> (the province grains write them through), in the order
/// they were added. Reading plates is a plate lookup, so each read writes one audit row first.
/// </summary>
public static class WatchlistQueryFields
{
    private const string ListName = "watchlist";

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<WatchlistConnection>, Connection<WatchlistEntry>>(ListName)
            .Description("Plates being watched, oldest entry first. Every read is audited.")
            .Argument<StringGraphType>("provinceCode", "Only plates of this province code, e.g. 59.")
            .Argument<StringGraphType>("plate", "Only the entry of this plate (as written or canonical); operators only.")
            .Argument<StringGraphType>("reason", "Why you read the watchlist; kept in the audit trail.")
            .PageArguments()
            .PlateLookup(whenArgument: "plate")
            .ResolveAsync(async context =>
            {
                var principal = context.Require(Capability.ReadWatchlist);
                var page = context.Page();
                var province = context.GetArgument<string?>("provinceCode");
                var plateText = context.GetArgument<string?>("plate");
                PlateNumber? plate = null;
                // Asking about one plate is a yes/no oracle even when the answer is masked.
                if (plateText is not null) context.Require(Capability.SearchWatchlist);
                if (plateText is not null && !PlateNumber.TryParse(plateText, out plate, out var error))
                    throw TwinErrors.BadInput($"'{plateText}' is not a Vietnamese plate: {error}");
                var afterId = page.After is { } after ? Cursor.Number(Cursor.Decode(after, ListName, 1)[0], after) : (long?)null;

                await using var db = await context.Service<IDbContextFactory<TwinDbContext>>().CreateDbContextAsync(context.CancellationToken);
                var entries = db.ActiveWatchlistEntries().AsNoTracking();
                if (province is not null) entries = entries.Where(e => e.ProvinceCode == province);
                if (plate is not null) entries = entries.Where(e => e.PlateKey == plate.CanonicalKey);
                if (afterId is { } id) entries = entries.Where(e => e.Id > id);
                var rows = await entries.OrderBy(e => e.Id).Take(page.Fetch).ToListAsync(context.CancellationToken);
                // One row per plate shown (and one for the read itself), written before anything is returned.
                var reason = context.GetArgument<string?>("reason");
                var role = Access.Name(principal.Role);
                await context.Service<IPlateLookupAudit>().RecordAsync(
                    [new PlateLookup(principal.KeyId, role, plate?.CanonicalKey, ListName, reason, $"{Math.Min(rows.Count, page.First)} plates shown"),
                     .. rows.Take(page.First).Select(row => new PlateLookup(principal.KeyId, role, row.PlateKey, ListName + ":shown", reason))],
                    context.CancellationToken);
                return page.ToConnection(rows, row => Cursor.Encode(ListName, row.Id.ToString(CultureInfo.InvariantCulture)), row => row.ToEntry());
            });
    }
}
