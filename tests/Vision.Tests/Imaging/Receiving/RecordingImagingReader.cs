using System.Collections.Concurrent;
using CityTwin.Vision.Imaging;

namespace CityTwin.Vision.Tests.Imaging.Receiving;

/// <summary>Stands in for the AI reader (tested on its own): remembers what the receivers handed over.</summary>
public sealed class RecordingImagingReader : IImagingReader
{
    private readonly ConcurrentQueue<ReceivedInstance> received = new();

    public IReadOnlyList<ReceivedInstance> Received => [.. received];

    /// <summary>
    /// The instance with <paramref name="sopInstanceUid"/> once it has been handed over: receivers hand over after they
    /// acknowledge, so a test waits for it (up to 30 s) instead of expecting it at once.
    /// </summary>
    public async Task<ReceivedInstance> WaitForAsync(string sopInstanceUid)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var found = received.FirstOrDefault(r => r.SopInstanceUid == sopInstanceUid);
            if (found is not null) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"instance {sopInstanceUid} was never handed to the reader");
            await Task.Delay(20);
        }
    }

    public ValueTask EnqueueAsync(ReceivedInstance instance, CancellationToken cancellationToken = default)
    {
        received.Enqueue(instance);
        return ValueTask.CompletedTask;
    }
}
