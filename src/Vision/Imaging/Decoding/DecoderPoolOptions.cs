namespace CityTwin.Vision.Imaging.Decoding;

/// <summary>Configuration of the GDCM worker pool (<c>CityTwin:Imaging:Decoder</c>).</summary>
public sealed class DecoderPoolOptions
{
    public const string Section = "CityTwin:Imaging:Decoder";

    /// <summary>Warm worker processes; each decodes one file at a time. Default: one per core.</summary>
    public int Workers { get; set; } = Environment.ProcessorCount;

    /// <summary>How long one decode may take before its worker is killed and the file rejected.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The worker executable or dll; default: <c>citytwin-dicom-worker</c> next to this assembly.</summary>
    public string? WorkerPath { get; set; }

    /// <summary>Tests only: lets marker files make a worker crash, hang or answer garbage.</summary>
    public bool EnableFaultInjection { get; set; }
}
