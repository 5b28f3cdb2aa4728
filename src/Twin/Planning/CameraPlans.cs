using System.Text.Json;
using CityTwin.Twin.Common;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Wards;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Twin.Planning;

/// <summary>Stored plans: read one back, and adopt it (its sites become planned cameras that coverage counts).</summary>
public sealed class CameraPlans(IDbContextFactory<TwinDbContext> contexts, TimeProvider clock)
{
    /// <summary>A stored plan, or null.</summary>
    public async Task<CameraPlan?> FindAsync(string planId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<CameraPlanRow>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        return row is null ? null : JsonSerializer.Deserialize<CameraPlan>(row.Plan, CameraPlanner.Json);
    }

    /// <summary>
    /// Turns the plan's sites into planned cameras (ids <c>planId-rank</c>). Adopting the same plan again changes
    /// nothing; an unknown plan is refused.
    /// </summary>
    public async Task<IReadOnlyList<PlannedCameraRow>> AdoptAsync(string planId, CancellationToken cancellationToken = default)
    {
        var plan = await FindAsync(planId, cancellationToken) ?? throw new TwinValidationException($"unknown plan '{planId}'");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var existing = await db.Set<PlannedCameraRow>().Where(c => c.PlanId == planId).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        if (existing.Count > 0) return existing;
        var wards = (await db.Set<WardRow>().Select(w => w.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var rows = plan.Sites.Select(site => new PlannedCameraRow
        {
            Id = $"{planId}-{site.Rank}",
            PlanId = planId,
            WardCode = wards.Contains(site.WardCode) ? site.WardCode : null,
            Kind = CameraSiteKinds.CameraKind(plan.Kind).ToString(),
            Location = new GeoPoint(site.Longitude, site.Latitude).ToPoint(),
            HeadingDeg = site.HeadingDeg,
            FieldOfViewDeg = site.FieldOfViewDeg,
            RangeM = site.RangeM,
            GainM = site.GainM,
            ViewArea = site.ViewArea(),
            AdoptedAt = now,
        }).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.AddRange(rows);
        await db.Set<CameraPlanRow>().Where(p => p.Id == planId).ExecuteUpdateAsync(set => set.SetProperty(p => p.AdoptedAt, now), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    /// <summary>Every adopted planned camera.</summary>
    public async Task<IReadOnlyList<PlannedCameraRow>> PlannedCamerasAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<PlannedCameraRow>().AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
    }
}
