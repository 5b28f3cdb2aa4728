using System.Collections.Concurrent;
using CityTwin.Twin.Clinics;
using CityTwin.Twin.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Vision.Imaging.Storage;

/// <summary>
/// Finds clinics in the <c>clinics</c> table, which the clinic grains keep in step with their state: by a calling AE
/// title (the C-STORE SCP's check) or by id (STOW-RS and the inbox).
/// </summary>
public sealed class ClinicDirectory(IDbContextFactory<TwinDbContext> database)
{
    /// <summary>
    /// How long a clinic found to exist is believed without asking again. Clinics are registered, not deleted, so a
    /// STOW-RS request need not spend a database round trip on a clinic the previous request just found; an unknown id
    /// is never remembered, so a clinic registered a moment ago is found at once.
    /// </summary>
    public static readonly TimeSpan KnownFor = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, long> known = new(StringComparer.Ordinal);

    /// <summary>The id of the clinic that lists <paramref name="aeTitle"/>, or null.</summary>
    public async Task<string?> FindByAeTitleAsync(string aeTitle, CancellationToken cancellationToken)
    {
        await using var context = await database.CreateDbContextAsync(cancellationToken);
        return await context.Set<ClinicRow>().AsNoTracking()
            .Where(c => c.AeTitles.Contains(aeTitle))
            .OrderBy(c => c.Id)
            .Select(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Whether a clinic with this id exists.</summary>
    public async Task<bool> ExistsAsync(string clinicId, CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        if (known.TryGetValue(clinicId, out var until) && now < until) return true;
        await using var context = await database.CreateDbContextAsync(cancellationToken);
        var exists = await context.Set<ClinicRow>().AsNoTracking().AnyAsync(c => c.Id == clinicId, cancellationToken);
        if (exists) known[clinicId] = now + (long)KnownFor.TotalMilliseconds;
        return exists;
    }
}
