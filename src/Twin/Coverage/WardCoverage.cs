namespace CityTwin.Twin.Coverage;

/// <summary>Coverage of one ward's roads.</summary>
/// <param name="Code">GSO ward code.</param>
/// <param name="Approximate">True when the ward has no imported boundary and an approximate cell stood in for it.</param>
/// <param name="Population">2019 census population where the ward layer gave one.</param>
/// <param name="Figures">Road length and covered length inside the ward.</param>
public sealed record WardCoverage(string Code, bool Approximate, long? Population, CoverageFigures Figures)
{
    /// <summary>
    /// People served by the ward's uncovered roads: the population weighted by the uncovered share of the ward's road
    /// length (a ward whose roads are all uncovered counts all its people). Null without a census figure.
    /// </summary>
    public double? UncoveredPopulation =>
        Population is { } people && Figures.LengthM > 0 ? people * Figures.UncoveredM / Figures.LengthM : null;
}
