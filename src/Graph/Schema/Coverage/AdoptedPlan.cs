using CityTwin.Twin.Planning;

namespace CityTwin.Graph.Schema.Coverage;

/// <summary>What <c>adoptPlan</c> returns: the plan's planned cameras.</summary>
public sealed record AdoptedPlan(string PlanId, IReadOnlyList<PlannedCameraRow> Cameras);
