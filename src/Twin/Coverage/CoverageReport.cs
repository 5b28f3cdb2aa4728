namespace CityTwin.Twin.Coverage;

/// <summary>Covered and uncovered road length city-wide, per road class and per ward.</summary>
/// <param name="City">All selected roads inside the wards.</param>
/// <param name="Classes">Per class, in enum order; gateways are also counted under their own class.</param>
/// <param name="Wards">Per ward, in code order; only wards with roads.</param>
/// <param name="IncludesPlanned">Whether adopted planned cameras counted as covering.</param>
public sealed record CoverageReport(
    CoverageFigures City, IReadOnlyList<ClassCoverage> Classes, IReadOnlyList<WardCoverage> Wards, bool IncludesPlanned)
{
    /// <summary>People served by uncovered roads, over the wards with a census figure.</summary>
    public double UncoveredPopulation => Wards.Sum(w => w.UncoveredPopulation ?? 0);
}
