namespace CityTwin.Twin.Planning;

/// <summary>The stages of a camera plan.</summary>
public enum PlanStage
{
    /// <summary>Building candidates, elements and coverage pairs in PostGIS.</summary>
    Building,
    /// <summary>The greedy solve.</summary>
    Greedy,
    /// <summary>The exact CP-SAT solve, reporting each better plan.</summary>
    Solving,
    /// <summary>Finished: the plan is stored and can be adopted.</summary>
    Done,
    /// <summary>Refused or failed; the message says why.</summary>
    Failed,
}
