using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Clinics;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Places;
using CityTwin.Twin.Schools;
using CityTwin.Twin.Stores;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Graph.Schema.Wards;

/// <summary>Place counts for a page of wards: one GROUP BY per place table for the whole page, not per ward.</summary>
public static class WardCountsLoader
{
    public const string Name = "citytwin.loader.ward-counts";

    public static IDataLoaderResult<WardPlaceCounts?> Load(IResolveFieldContext context, string wardCode)
    {
        var contexts = context.Service<IDbContextFactory<TwinDbContext>>();
        return context.GetOrAddLoader<string, WardPlaceCounts>(Name, async (codes, cancellationToken) =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var stores = await CountAsync(db.Set<StoreRow>(), codes, cancellationToken);
            var schools = await CountAsync(db.Set<SchoolRow>(), codes, cancellationToken);
            var clinics = await CountAsync(db.Set<ClinicRow>(), codes, cancellationToken);
            return codes.ToDictionary(code => code,
                code => new WardPlaceCounts(stores.GetValueOrDefault(code), schools.GetValueOrDefault(code), clinics.GetValueOrDefault(code)));
        }).Load(wardCode);
    }

    private static Task<Dictionary<string, int>> CountAsync<TRow>(IQueryable<TRow> places, IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
        where TRow : PlaceRow =>
        places.Where(p => codes.Contains(p.WardCode))
            .GroupBy(p => p.WardCode)
            .Select(g => new { Code = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Code, g => g.Count, cancellationToken);
}
