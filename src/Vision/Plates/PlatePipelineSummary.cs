namespace CityTwin.Vision.Plates;

/// <summary>What one run of the pipeline did.</summary>
/// <param name="Frames">Frames received from the source.</param>
/// <param name="Processed">Frames that passed the motion gate and were searched for plates.</param>
/// <param name="Tracks">Tracks ended (one per plate crossing one camera, readable or not).</param>
/// <param name="ReadsSent">Voted reads handed to the ingest.</param>
public sealed record PlatePipelineSummary(long Frames, long Processed, long Tracks, long ReadsSent);
