namespace CityTwin.Graph.DicomWeb;

/// <summary>STOW-RS limits (configuration section <c>CityTwin:Imaging:DicomWeb</c>).</summary>
public sealed class DicomWebOptions
{
    public const string Section = "CityTwin:Imaging:DicomWeb";

    /// <summary>The largest request body, all parts together (default 256 MiB); larger requests get 413.</summary>
    public long MaxRequestBytes { get; set; } = 256L * 1024 * 1024;
}
