using System.Collections.Concurrent;
using CityTwin.Vision.Imaging;

namespace CityTwin.Vision.Tests.Imaging.Reading;

/// <summary>An <see cref="IInstanceOutcomes"/> that keeps what the reader reported, and lets a test wait for it.</summary>
public sealed class RecordingOutcomes : IInstanceOutcomes
{
    private readonly ConcurrentDictionary<string, (InstanceOutcome Outcome, string? Reason)> outcomes = new();

    public Task SetOutcomeAsync(string clinicId, string sopInstanceUid, InstanceOutcome outcome, string? rejectReason, CancellationToken cancellationToken = default)
    {
        outcomes[sopInstanceUid] = (outcome, rejectReason);
        return Task.CompletedTask;
    }

    public async Task<(InstanceOutcome Outcome, string? Reason)> WaitForAsync(string sopInstanceUid, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (outcomes.TryGetValue(sopInstanceUid, out var found)) return found;
            await Task.Delay(20);
        }
        throw new TimeoutException($"no outcome for {sopInstanceUid}");
    }
}
