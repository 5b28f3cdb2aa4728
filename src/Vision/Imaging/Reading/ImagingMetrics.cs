using System.Diagnostics.Metrics;

namespace CityTwin.Vision.Imaging.Reading;

/// <summary>The reader's instruments on the <c>CityTwin.Vision</c> meter.</summary>
public sealed class ImagingMetrics : IDisposable
{
    public const string MeterName = "CityTwin.Vision";

    private readonly Meter meter = new(MeterName);

    public ImagingMetrics()
    {
        Read = meter.CreateCounter<long>("citytwin.imaging.read", "{instance}", "Instances read by the AI model.");
        Rejected = meter.CreateCounter<long>("citytwin.imaging.rejected", "{instance}", "Instances rejected, by stage.");
        Abnormal = meter.CreateCounter<long>("citytwin.imaging.abnormal", "{instance}", "Readings with at least one finding.");
        Turnaround = meter.CreateHistogram<double>("citytwin.imaging.turnaround", "ms", "From the last byte received to the recorded result.");
        Decode = meter.CreateHistogram<double>("citytwin.imaging.decode.duration", "ms", "Decoding in a GDCM worker.");
        Preprocess = meter.CreateHistogram<double>("citytwin.imaging.preprocess.duration", "ms", "LUTs, windowing, resize and normalisation.");
        Inference = meter.CreateHistogram<double>("citytwin.imaging.inference.duration", "ms", "Model inference.");
    }

    public Counter<long> Read { get; }
    public Counter<long> Rejected { get; }
    public Counter<long> Abnormal { get; }
    public Histogram<double> Turnaround { get; }
    public Histogram<double> Decode { get; }
    public Histogram<double> Preprocess { get; }
    public Histogram<double> Inference { get; }

    public void Dispose() => meter.Dispose();
}
