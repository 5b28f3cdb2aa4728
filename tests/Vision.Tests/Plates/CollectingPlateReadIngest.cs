using System.Collections.Concurrent;
using CityTwin.Twin.Vehicles.Reads;

namespace CityTwin.Vision.Tests.Plates;

/// <summary>
/// An in-memory sink for the pipeline's output: it keeps every batch and accepts it (or refuses every read when told
/// to). The real ingest, with validation and grains, is tested with the twin; here only what the pipeline sends matters.
/// </summary>
public sealed class CollectingPlateReadIngest(bool refuse = false) : IPlateReadIngest
{
    private readonly ConcurrentQueue<IReadOnlyList<PlateRead>> _batches = new();

    /// <summary>Every batch received, in order.</summary>
    public IReadOnlyList<IReadOnlyList<PlateRead>> Batches => _batches.ToList();

    /// <summary>Every read received, in order.</summary>
    public IReadOnlyList<PlateRead> Reads => _batches.SelectMany(b => b).ToList();

    /// <inheritdoc />
    public Task<PlateReadBatchResult> IngestAsync(IReadOnlyList<PlateRead> reads, CancellationToken cancellationToken = default)
    {
        _batches.Enqueue(reads.ToList());
        return Task.FromResult(refuse
            ? new PlateReadBatchResult(0, 0, reads.Select((_, i) => new PlateReadError(i, "refused", "test ingest refuses everything")).ToList())
            : new PlateReadBatchResult(reads.Count, 0, []));
    }
}
