using CityTwin.Vision.Imaging.Network.Scu;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace CityTwin.Vision.Imaging.Forwarding;

/// <summary>
/// Forwards every stored image and every AI reading (as a structured report) to the configured PACS. It works off the
/// committed rows (<see cref="ForwardingSql"/>), so no receiver or reader has to call it and nothing is lost across a
/// restart. An item is marked forwarded only after the PACS's C-STORE-RSP says success; failures that may pass are
/// retried by <see cref="PacsRetryPolicy"/>, then dead-lettered with the last error, which the clinic sees.
/// </summary>
public sealed partial class PacsForwarder(
    IOptions<PacsOptions> options,
    ForwardingSql sql,
    ForwardPayloads payloads,
    StoreScu scu,
    PacsRetryPolicy retry,
    TimeProvider time,
    ILogger<PacsForwarder> logger) : BackgroundService
{
    private readonly HashSet<long> inFlight = [];
    private readonly Lock gate = new();

    /// <summary>Raised after an item reaches Forwarded or DeadLetter (the bench measures with it).</summary>
    public event Action<ForwardJob, string>? Settled;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled) return;
        LogForwarding(logger, settings.CalledAeTitle, settings.Host!, settings.Port);
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sql.DiscoverAsync(settings.ForwardImages, settings.ForwardReports, stoppingToken);
                long[] busy;
                lock (gate) busy = [.. inFlight];
                var free = settings.Concurrency - busy.Length;
                if (free > 0)
                {
                    foreach (var job in await sql.DueAsync(free, busy, stoppingToken))
                    {
                        lock (gate) inFlight.Add(job.Id);
                        running.Add(ForwardAsync(job, stoppingToken));
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database is down or busy: forwarding resumes from the stored rows when it answers again.
                LogPollFailed(logger, e);
            }
            running.RemoveAll(t => t.IsCompleted);
            try
            {
                await Task.Delay(settings.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await Task.WhenAll(running);
    }

    private async Task ForwardAsync(ForwardJob job, CancellationToken stoppingToken)
    {
        var attempts = job.Attempts;
        var context = ResilienceContextPool.Shared.Get(stoppingToken);
        context.Properties.Set(PacsRetryPolicy.EarlierAttempts, job.Attempts);
        context.Properties.Set(PacsRetryPolicy.BeforeRetry, async (error, delay) =>
        {
            LogRetrying(logger, job.Kind, job.SourceId, attempts, delay.TotalSeconds, error.Message);
            await sql.MarkAttemptAsync(job.Id, ForwardingState.Retrying, attempts, error.Message, time.GetUtcNow() + delay, CancellationToken.None);
        });
        try
        {
            var sent = await retry.Pipeline.ExecuteAsync(async ctx =>
            {
                attempts++;
                return await SendOnceAsync(job, ctx.CancellationToken);
            }, context);
            await sql.MarkForwardedAsync(job.Id, attempts, sent, time.GetUtcNow(), CancellationToken.None);
            LogForwarded(logger, job.Kind, sent, attempts);
            Settled?.Invoke(job, ForwardingState.Forwarded);
        }
        catch (PacsException e)
        {
            await sql.MarkAttemptAsync(job.Id, ForwardingState.DeadLetter, attempts, e.Message, time.GetUtcNow(), CancellationToken.None);
            LogDeadLetter(logger, job.Kind, job.SourceId, attempts, e.Message);
            Settled?.Invoke(job, ForwardingState.DeadLetter);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the row keeps its state and is sent again after the restart.
        }
        catch (Exception e)
        {
            // Most likely the database: the row was not updated and is picked up again on the next poll.
            LogFailed(logger, e, job.Kind, job.SourceId);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
            lock (gate) inFlight.Remove(job.Id);
        }
    }

    private async Task<string> SendOnceAsync(ForwardJob job, CancellationToken cancellationToken)
    {
        var instance = await payloads.BuildAsync(job, cancellationToken);
        var result = (await scu.StoreAsync(options.Value.Peer(), [instance], cancellationToken))[0];
        if (!result.Stored)
            throw new PacsException($"the PACS refused {job.Kind} {instance.SopInstanceUid} with status {result.Describe()}", result.Transient);
        return instance.SopInstanceUid;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Forwarding received studies and AI reports to PACS {CalledAe} at {Host}:{Port}")]
    private static partial void LogForwarding(ILogger logger, string calledAe, string host, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "Forwarded {Kind} {SopInstanceUid} to the PACS (attempt {Attempts})")]
    private static partial void LogForwarded(ILogger logger, string kind, string sopInstanceUid, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarding {Kind} {SourceId} failed (attempt {Attempts}), retrying in {DelaySeconds:0.#} s: {Error}")]
    private static partial void LogRetrying(ILogger logger, string kind, string sourceId, int attempts, double delaySeconds, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Forwarding {Kind} {SourceId} gave up after {Attempts} attempts (dead letter): {Error}")]
    private static partial void LogDeadLetter(ILogger logger, string kind, string sourceId, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for items to forward failed; trying again")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Forwarding {Kind} {SourceId} failed unexpectedly; it stays due")]
    private static partial void LogFailed(ILogger logger, Exception exception, string kind, string sourceId);
}
