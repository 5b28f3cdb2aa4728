namespace CityTwin.Twin.Vehicles.Reads;

/// <summary>
/// The one downstream path for plate reads: validates a batch, then records it as sightings on the camera and vehicle
/// grains. Both the vision pipeline and camera-side recognisers (GraphQL <c>recordPlateReads</c>, the webhook) use it.
/// </summary>
public interface IPlateReadIngest
{
    /// <summary>
    /// Records a batch. A batch with any invalid read is refused whole (nothing applied) with one error per bad read;
    /// reads already recorded are reported as duplicates and change nothing.
    /// </summary>
    Task<PlateReadBatchResult> IngestAsync(IReadOnlyList<PlateRead> reads, CancellationToken cancellationToken = default);
}
