namespace CityTwin.Vision.Imaging.Preprocessing;

/// <summary>A VOI window as PS3.3 C.11.2.1.2 defines it: centre, width and function (LINEAR, LINEAR_EXACT, SIGMOID).</summary>
public sealed record VoiWindow(double Center, double Width, string Function)
{
    /// <summary>The window applied to one modality value, giving [0,1].</summary>
    public double Apply(double x) => Function switch
    {
        // C.11.2.1.3.1: sigmoid around the centre, steepness set by the width.
        "SIGMOID" => 1.0 / (1.0 + Math.Exp(-4.0 * (x - Center) / Width)),
        // C.11.2.1.3.2.
        "LINEAR_EXACT" => x <= Center - Width / 2 ? 0 : x > Center + Width / 2 ? 1 : (x - Center) / Width + 0.5,
        // C.11.2.1.2.1: the classic half-pixel-shifted linear ramp; width 1 is a hard threshold.
        _ => Width <= 1
            ? (x <= Center - 0.5 ? 0 : 1)
            : x <= Center - 0.5 - (Width - 1) / 2 ? 0
            : x > Center - 0.5 + (Width - 1) / 2 ? 1
            : (x - (Center - 0.5)) / (Width - 1) + 0.5,
    };
}
