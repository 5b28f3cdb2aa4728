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
        await using var context = await database.CreateDbContextAsync(cancellationToken);
        return await context.Set<ClinicRow>().AsNoTracking().AnyAsync(c => c.Id == clinicId, cancellationToken);
    }
}
