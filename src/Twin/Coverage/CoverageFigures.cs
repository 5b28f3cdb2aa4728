namespace CityTwin.Twin.Coverage;

/// <summary>Road length and the part of it inside some camera's view area, in metres.</summary>
/// <param name="LengthM">Road length in scope.</param>
/// <param name="CoveredM">The part inside at least one view area.</param>
public sealed record CoverageFigures(double LengthM, double CoveredM)
{
    /// <summary>No road at all.</summary>
    public static readonly CoverageFigures None = new(0, 0);

    /// <summary>The part no camera sees.</summary>
    public double UncoveredM => Math.Max(0, LengthM - CoveredM);

    /// <summary>Covered share in percent (0 when there is no road).</summary>
    public double Percent => LengthM > 0 ? 100 * CoveredM / LengthM : 0;

    /// <summary>Both figures added.</summary>
    public CoverageFigures Plus(CoverageFigures other) => new(LengthM + other.LengthM, CoveredM + other.CoveredM);
}
