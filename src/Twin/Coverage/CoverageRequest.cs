namespace CityTwin.Twin.Coverage;

/// <summary>What to compute coverage over.</summary>
/// <param name="WardCode">One ward, or null for the whole city.</param>
/// <param name="RoadClasses">The classes to count; empty for all roads.</param>
/// <param name="IncludePlanned">Count adopted planned cameras as covering too.</param>
public sealed record CoverageRequest(string? WardCode = null, IReadOnlyCollection<RoadClass>? RoadClasses = null, bool IncludePlanned = true)
{
    /// <summary>The selected classes (empty: all).</summary>
    public IReadOnlyCollection<RoadClass> Classes => RoadClasses ?? [];
}
