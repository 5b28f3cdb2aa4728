using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CityTwin.Vision.Imaging.Reading;

namespace CityTwin.Bench.Imaging;

/// <summary>Listens to the reader's own duration histograms, so the benchmark can say where the turnaround goes.</summary>
public sealed class StageTimes : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> samples = new();

    public StageTimes()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ImagingMetrics.MeterName && instrument.Name.EndsWith(".duration", StringComparison.Ordinal))
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => samples.GetOrAdd(instrument.Name, _ => []).Add(value));
        listener.Start();
    }

    public void Clear() => samples.Clear();

    /// <summary>"decode p50 … ms, inference p50 … ms" over the samples since the last <see cref="Clear"/>.</summary>
    public string Summary() => string.Join(", ", samples.OrderBy(s => s.Key).Select(s =>
    {
        var sorted = s.Value.Order().ToList();
        var name = s.Key.Replace("citytwin.imaging.", "", StringComparison.Ordinal).Replace(".duration", "", StringComparison.Ordinal);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{name} p50 {sorted[sorted.Count / 2]:F0} ms p95 {sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(0.95 * sorted.Count) - 1)]:F0} ms");
    }));

    public void Dispose() => listener.Dispose();
}
