using CityTwin.Twin.Vehicles.Reads;

namespace CityTwin.Bench.Plates;

/// <summary>Keeps the pipeline's reads so the benchmark can score them against the synthetic truth.</summary>
internal sealed class CollectingIngest : IPlateReadIngest
{
    public List<PlateRead> Reads { get; } = [];

    public Task<PlateReadBatchResult> IngestAsync(IReadOnlyList<PlateRead> reads, CancellationToken cancellationToken = default)
    {
        Reads.AddRange(reads);
        return Task.FromResult(new PlateReadBatchResult(reads.Count, 0, []));
    }
}
