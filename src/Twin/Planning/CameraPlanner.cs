using System.Text.Json;
using CityTwin.Twin.Common;
using CityTwin.Twin.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Twin.Planning;

/// <summary>
/// Chooses sites for new cameras (the maximal covering location problem over view areas on roads): builds the problem
/// in PostGIS, solves it greedily and exactly (<see cref="ProvedSiting"/>: GLOP's bound, CP-SAT's search) side by side, and stores the plan so it can be adopted.
/// Existing cameras and adopted planned cameras stay fixed: only what they leave uncovered can be gained.
/// </summary>
public sealed class CameraPlanner(PlanningModelBuilder builder, IDbContextFactory<TwinDbContext> contexts, TimeProvider clock)
{
    /// <summary>The most cameras one plan may place.</summary>
    public const int MaxCount = 1_000;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Plans <see cref="PlanRequest.Count"/> new cameras.</summary>
    /// <exception cref="TwinValidationException">A count ≤ 0 or beyond the candidates, a time limit ≤ 0, a bad area, no roads.</exception>
    public async Task<CameraPlan> PlanAsync(PlanRequest request, IProgress<PlanProgress>? progress = null, string? planId = null,
        CancellationToken cancellationToken = default)
    {
        Check(request);
        var id = planId ?? NewId();
        progress?.Report(new PlanProgress(id, PlanStage.Building, 0));
        var model = await builder.BuildAsync(request, cancellationToken);
        TwinValidationException.Require(request.Count <= model.Sites.Count,
            $"count {request.Count} is beyond the {model.Sites.Count} candidate sites in scope");
        progress?.Report(new PlanProgress(id, PlanStage.Greedy, 0.1));
        var greedy = GreedySiting.Choose(model, request.Count);
        var solveProgress = progress is null ? null : new InlineProgress<SolveProgress>(p =>
            progress.Report(new PlanProgress(id, PlanStage.Solving, 0.1 + 0.9 * p.Fraction, p.Objective, p.Bound)));
        var exact = ProvedSiting.Choose(model, request.Count, request.TimeLimit, greedy, solveProgress, cancellationToken);
        var plan = Describe(id, request.Kind, request.Count, model, exact, greedy);
        await SaveAsync(plan, cancellationToken);
        progress?.Report(new PlanProgress(id, PlanStage.Done, 1, exact.Objective, exact.Bound));
        return plan;
    }

    /// <summary>Validates a request before any work: the bad-input list of the planners' issue.</summary>
    public static void Check(PlanRequest request)
    {
        TwinValidationException.Require(request.Count > 0, $"count must be at least 1 (got {request.Count})");
        TwinValidationException.Require(request.Count <= MaxCount, $"count {request.Count} is beyond the limit of {MaxCount} cameras per plan");
        TwinValidationException.Require(request.TimeLimit > TimeSpan.Zero, $"time limit must be positive (got {request.TimeLimit.TotalSeconds} s)");
        TwinValidationException.Require(request.TimeLimit <= TimeSpan.FromHours(1), "time limit must be at most 3600 s");
        PlanningModelBuilder.CheckArea(request.Area);
    }

    /// <summary>A new plan id.</summary>
    public static string NewId() => $"plan-{Guid.NewGuid():N}"[..17];

    internal static CameraPlan Describe(string id, CameraSiteKind kind, int? count, PlanningModel model, SiteChoice exact, SiteChoice greedy)
    {
        var taken = new HashSet<int>();
        var sites = new List<PlannedSite>();
        foreach (var (site, rank) in exact.Sites.Select((s, i) => (s, i)))
        {
            var added = model.Covers[site].Where(taken.Add).Sum(e => model.Elements[e].LengthM);
            var candidate = model.Sites[site];
            sites.Add(new PlannedSite(rank + 1, candidate.Longitude, candidate.Latitude, kind == CameraSiteKind.Ptz360 ? 0 : candidate.HeadingDeg,
                CameraSiteKinds.FieldOfViewDeg(kind), CameraSiteKinds.RangeM(kind), candidate.WardCode, added, exact.MarginalWeights[rank]));
        }
        return new CameraPlan(id, kind, count, model.Sites.Count, model.ScopeLengthM, model.CoveredBeforeM,
            model.CoveredLengthM(exact.Sites), exact.Optimal, exact.GapPercent ?? 100, exact.Elapsed.TotalSeconds,
            model.CoveredLengthM(greedy.Sites), greedy.Elapsed.TotalSeconds, greedy.Sites.Count, sites, exact.BoundSource);
    }

    internal async Task SaveAsync(CameraPlan plan, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Add(new CameraPlanRow { Id = plan.Id, CreatedAt = clock.GetUtcNow(), Plan = JsonSerializer.Serialize(plan, Json) });
        await db.SaveChangesAsync(cancellationToken);
    }
}
