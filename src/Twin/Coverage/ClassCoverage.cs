namespace CityTwin.Twin.Coverage;

/// <summary>Coverage of one road class (gateways overlap the other three).</summary>
public sealed record ClassCoverage(RoadClass Class, CoverageFigures Figures);
