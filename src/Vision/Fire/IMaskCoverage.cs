namespace CityTwin.Vision.Fire;

/// <summary>How much of an image region lies under a camera's exclusion masks (0..1).</summary>
public interface IMaskCoverage
{
    double MaskedShare(NormalizedBox region);
}
