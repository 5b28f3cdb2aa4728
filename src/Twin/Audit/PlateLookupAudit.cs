using CityTwin.Twin.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Twin.Audit;

/// <summary>
/// Inserts audit rows through EF Core. Lookups are rare next to sightings (people ask, cameras do not), so one
/// INSERT per lookup is fine; fields are trimmed to their column sizes so an odd key id never loses the row.
/// </summary>
public sealed class PlateLookupAudit(IDbContextFactory<TwinDbContext> contexts, TimeProvider clock) : IPlateLookupAudit
{
    /// <inheritdoc />
    public Task RecordAsync(PlateLookup lookup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return RecordAsync([lookup], cancellationToken);
    }

    /// <inheritdoc />
    public async Task RecordAsync(IReadOnlyCollection<PlateLookup> lookups, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lookups);
        if (lookups.Count == 0) return;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var at = clock.GetUtcNow();
        foreach (var lookup in lookups)
        {
            db.Add(new PlateLookupRow
            {
                At = at,
                KeyId = Clip(lookup.KeyId, 128) ?? "",
                Role = Clip(lookup.Role, 32) ?? "",
                PlateKey = Clip(lookup.PlateKey, 16),
                Operation = Clip(lookup.Operation, 64) ?? "",
                Reason = Clip(lookup.Reason, 500),
                Detail = Clip(lookup.Detail, 4000),
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? Clip(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
