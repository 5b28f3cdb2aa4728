using System.Collections.Concurrent;
using CityTwin.Twin.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Twin.Cameras;

/// <summary>
/// Every camera's exclusion masks, held in memory for detectors that ask per frame (synchronously): loaded from
/// <c>cameras</c> by <see cref="RefreshAsync"/> and kept current by <see cref="Update"/> after each
/// <c>setCameraExclusionMasks</c>. A camera without masks has an empty list.
/// </summary>
public sealed class ExclusionMaskCatalog(IDbContextFactory<TwinDbContext> databases)
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<IReadOnlyList<(double X, double Y)>>> masks = new(StringComparer.Ordinal);

    /// <summary>The masks of a camera as closed polygons of image fractions.</summary>
    public IReadOnlyList<IReadOnlyList<(double X, double Y)>> MasksFor(string cameraId) =>
        masks.TryGetValue(cameraId, out var found) ? found : [];

    /// <summary>Replaces one camera's masks in memory (the grain has stored them).</summary>
    public void Update(string cameraId, IReadOnlyList<IReadOnlyList<ImagePoint>> cameraMasks) =>
        masks[cameraId] = cameraMasks.Select(m => (IReadOnlyList<(double, double)>)m.Select(p => (p.X, p.Y)).ToList()).ToList();

    /// <summary>Loads every camera's stored masks.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<CameraRow>().AsNoTracking().Where(c => c.ExclusionMasks != "[]")
            .Select(c => new { c.Id, c.ExclusionMasks }).ToListAsync(cancellationToken);
        foreach (var row in rows)
            Update(row.Id, PoseJson.ReadMasks(row.ExclusionMasks));
    }
}
