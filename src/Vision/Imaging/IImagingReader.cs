namespace CityTwin.Vision.Imaging;

/// <summary>
/// Reads stored instances with AI: decode in an isolated worker, preprocess, run the model, record the result on the
/// clinic grain. Receivers hand every acknowledged instance to it and never wait for the reading.
/// </summary>
public interface IImagingReader
{
    /// <summary>Queues an instance for reading; returns once queued.</summary>
    ValueTask EnqueueAsync(ReceivedInstance instance, CancellationToken cancellationToken = default);
}
