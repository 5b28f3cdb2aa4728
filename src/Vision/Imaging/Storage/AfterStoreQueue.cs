using System.Threading.Channels;
using CityTwin.Twin.Clinics;
using Microsoft.Extensions.Logging;

namespace CityTwin.Vision.Imaging.Storage;

/// <summary>
/// What follows a committed instance, taken off the acknowledgement path: the clinic's study count and the reader's
/// queue. A receiver acknowledges once the file is durable and the row committed; this queue then counts studies in
/// batches (one grain commit per clinic per batch, not one per instance) and hands each instance to the reader, whose
/// own bounded queue may make this one wait without ever slowing a sender. Nothing is dropped: the queue is unbounded
/// (one small record per instance) and is drained when the host stops. Were the process to die first, the instance is
/// still stored, with outcome <c>Stored</c> (unread).
/// </summary>
public sealed partial class AfterStoreQueue : IAsyncDisposable
{
    /// <summary>Instances handed over in one batch at most.</summary>
    private const int MaxBatch = 256;

    /// <summary>How long stopping waits for the hand-over to finish; a reader that no longer takes instances cannot hang the host.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource stopping = new();
    private readonly Channel<ReceivedInstance> queue = Channel.CreateUnbounded<ReceivedInstance>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IGrainFactory grains;
    private readonly IImagingReader reader;
    private readonly ILogger<AfterStoreQueue> logger;
    private readonly Task consumer;
    private int disposed;

    public AfterStoreQueue(IGrainFactory grains, IImagingReader reader, ILogger<AfterStoreQueue> logger)
    {
        this.grains = grains;
        this.reader = reader;
        this.logger = logger;
        consumer = Task.Run(ConsumeAsync);
    }

    /// <summary>Queues a committed instance; never waits.</summary>
    public void Post(ReceivedInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (!queue.Writer.TryWrite(instance)) LogClosed(logger, instance.SopInstanceUid);
    }

    private async Task ConsumeAsync()
    {
        var batch = new List<ReceivedInstance>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var instance)) batch.Add(instance);
            // The count comes first, so a reading (or the "stays unread" note) never precedes its study's count.
            foreach (var clinic in batch.GroupBy(i => i.ClinicId, StringComparer.Ordinal))
                await CountAsync(clinic.Key, [.. clinic.Select(i => i.StudyInstanceUid)]);
            foreach (var instance in batch) await EnqueueAsync(instance);
            batch.Clear();
        }
    }

    private async Task CountAsync(string clinicId, IReadOnlyList<string> studies)
    {
        try
        {
            await grains.GetGrain<IClinicGrain>(clinicId).RecordStudiesReceivedAsync(studies);
        }
        catch (Exception e)
        {
            LogCountFailed(logger, e, clinicId, studies.Count);
        }
    }

    private async Task EnqueueAsync(ReceivedInstance instance)
    {
        try
        {
            await reader.EnqueueAsync(instance, stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            LogClosed(logger, instance.SopInstanceUid);
        }
        catch (Exception e)
        {
            LogEnqueueFailed(logger, e, instance.SopInstanceUid);
        }
    }

    /// <summary>Stops taking instances and finishes those already queued.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        queue.Writer.TryComplete();
        stopping.CancelAfter(DrainTimeout);
        await consumer;
        stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored, but clinic {ClinicId} did not count {Count} received studies")]
    private static partial void LogCountFailed(ILogger logger, Exception exception, string clinicId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored, but instance {SopInstanceUid} could not be queued for reading")]
    private static partial void LogEnqueueFailed(ILogger logger, Exception exception, string sopInstanceUid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored, but the host stopped before it was read: instance {SopInstanceUid} stays unread")]
    private static partial void LogClosed(ILogger logger, string sopInstanceUid);
}
