using CityTwin.Twin.Common;
using CityTwin.Twin.Coverage;

namespace CityTwin.Twin.Planning;

/// <summary>Answers <see cref="TargetPlanRequest"/>: greedy and CP-SAT side by side, stored like any plan so it can be adopted.</summary>
public sealed class TargetPlanner(PlanningModelBuilder builder, CameraPlanner planner)
{
    /// <summary>The fewest new cameras reaching the target on arterials and gateways.</summary>
    /// <exception cref="TwinValidationException">A target outside (0, 100], a time limit ≤ 0, a bad area, no roads, or a target no candidate set reaches.</exception>
    public async Task<CameraPlan> PlanAsync(TargetPlanRequest request, CancellationToken cancellationToken = default)
    {
        TwinValidationException.Require(request.TargetPercent is > 0 and <= 100, $"target must be in (0, 100] percent (got {request.TargetPercent})");
        CameraPlanner.Check(new PlanRequest(1, request.Kind, request.Area, [], request.TimeLimit));
        var model = await builder.BuildAsync(new PlanRequest(1, request.Kind, request.Area, [RoadClass.Arterial, RoadClass.Gateway], request.TimeLimit), cancellationToken);
        var needed = request.TargetPercent / 100 * model.ScopeLengthM - model.CoveredBeforeM;
        var id = CameraPlanner.NewId();
        SiteChoice greedy, exact;
        if (needed <= 0)
        {
            greedy = exact = new SiteChoice([], [], 0, 0, true, TimeSpan.Zero);
        }
        else
        {
            var reachable = model.CoveredLengthM(Enumerable.Range(0, model.Sites.Count));
            TwinValidationException.Require(reachable >= needed, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"target {request.TargetPercent}% is out of reach: every candidate together adds {reachable / 1000:F2} km of the {needed / 1000:F2} km needed"));
            greedy = TargetSiting.Greedy(model, needed);
            exact = TargetSiting.Exact(model, needed, request.TimeLimit, greedy, cancellationToken);
        }
        var plan = CameraPlanner.Describe(id, request.Kind, null, model, exact, greedy);
        // For a minimum the gap is how far the count may still be above the proved lower bound.
        var gap = exact.Bound is { } bound && exact.Objective > 0 ? Math.Max(0, 100 * (exact.Objective - bound) / exact.Objective) : 0;
        plan = plan with { GapPercent = gap };
        await planner.SaveAsync(plan, cancellationToken);
        return plan;
    }
}
