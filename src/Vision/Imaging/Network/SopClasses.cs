namespace CityTwin.Vision.Imaging.Network;

/// <summary>The SOP classes the SCP negotiates: Verification and the storage classes a chest X-ray arrives as.</summary>
public static class SopClasses
{
    public const string Verification = "1.2.840.10008.1.1";
    public const string ComputedRadiography = "1.2.840.10008.5.1.4.1.1.1";
    public const string DigitalXRayForPresentation = "1.2.840.10008.5.1.4.1.1.1.1";
    public const string DigitalXRayForProcessing = "1.2.840.10008.5.1.4.1.1.1.1.1";
    public const string DigitalMammographyForPresentation = "1.2.840.10008.5.1.4.1.1.1.2";
    public const string DigitalMammographyForProcessing = "1.2.840.10008.5.1.4.1.1.1.2.1";
    public const string DigitalIntraOralForPresentation = "1.2.840.10008.5.1.4.1.1.1.3";
    public const string DigitalIntraOralForProcessing = "1.2.840.10008.5.1.4.1.1.1.3.1";
    public const string SecondaryCapture = "1.2.840.10008.5.1.4.1.1.7";
    public const string MultiframeSingleBitSecondaryCapture = "1.2.840.10008.5.1.4.1.1.7.1";
    public const string MultiframeGrayscaleByteSecondaryCapture = "1.2.840.10008.5.1.4.1.1.7.2";
    public const string MultiframeGrayscaleWordSecondaryCapture = "1.2.840.10008.5.1.4.1.1.7.3";
    public const string MultiframeTrueColorSecondaryCapture = "1.2.840.10008.5.1.4.1.1.7.4";

    /// <summary>Storage SOP classes every receiver accepts (C-STORE, STOW-RS, inbox).</summary>
    public static IReadOnlySet<string> Storage { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ComputedRadiography, DigitalXRayForPresentation, DigitalXRayForProcessing, DigitalMammographyForPresentation,
        DigitalMammographyForProcessing, DigitalIntraOralForPresentation, DigitalIntraOralForProcessing, SecondaryCapture,
        MultiframeSingleBitSecondaryCapture, MultiframeGrayscaleByteSecondaryCapture, MultiframeGrayscaleWordSecondaryCapture,
        MultiframeTrueColorSecondaryCapture,
    };
}
