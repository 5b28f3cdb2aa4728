using System.Collections.Concurrent;
using CityTwin.Vision.Imaging;

namespace CityTwin.Vision.Tests.Imaging.Receiving;

/// <summary>Stands in for the AI reader (tested on its own): remembers what the receivers handed over.</summary>
public sealed class RecordingImagingReader : IImagingReader
{
    private readonly ConcurrentQueue<ReceivedInstance> received = new();

    public IReadOnlyList<ReceivedInstance> Received => [.. received];

    public ValueTask EnqueueAsync(ReceivedInstance instance, CancellationToken cancellationToken = default)
    {
        received.Enqueue(instance);
        return ValueTask.CompletedTask;
    }
}
