using System.Diagnostics;
using System.Threading.Channels;
using CityTwin.Twin.Clinics;
using CityTwin.Twin.Common;
using CityTwin.Vision.Imaging.Decoding;
using CityTwin.Vision.Imaging.Model;
using CityTwin.Vision.Imaging.Preprocessing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityTwin.Vision.Imaging.Reading;

/// <summary>
/// Reads queued instances: decode in a GDCM worker, preprocess, score with the model, keep the labels over their
/// thresholds, record the reading on the clinic's grain, then mark the instance Read. Any stage that fails marks the
/// instance Rejected with its reason; nothing a bad file does stops the other readings.
/// </summary>
public sealed class ImagingReader : IImagingReader, IAsyncDisposable
{
    private readonly Channel<ReceivedInstance> queue;
    private readonly DecoderPool decoder;
    private readonly ModelSlot model;
    private readonly ImagePreprocessor preprocessor;
    private readonly IGrainFactory grains;
    private readonly IInstanceOutcomes outcomes;
    private readonly ImagingMetrics metrics;
    private readonly ILogger<ImagingReader> logger;
    private readonly TimeProvider clock;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task[] consumers;

    public ImagingReader(DecoderPool decoder, ModelSlot model, IGrainFactory grains, IInstanceOutcomes outcomes,
        ImagingMetrics metrics, IOptions<ReaderOptions> options, ILogger<ImagingReader> logger, TimeProvider? clock = null)
    {
        var settings = options.Value;
        if (settings.QueueCapacity < 1 || settings.Concurrency < 1)
            throw new ArgumentException($"{ReaderOptions.Section}: QueueCapacity and Concurrency must be at least 1");
        this.decoder = decoder;
        this.model = model;
        preprocessor = new ImagePreprocessor(model.Options);
        this.grains = grains;
        this.outcomes = outcomes;
        this.metrics = metrics;
        this.logger = logger;
        this.clock = clock ?? TimeProvider.System;
        queue = Channel.CreateBounded<ReceivedInstance>(new BoundedChannelOptions(settings.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = false,
        });
        consumers = [.. Enumerable.Range(0, settings.Concurrency).Select(_ => Task.Run(ConsumeAsync))];
    }

    /// <summary>Raised after each instance's outcome is stored, with its reading when it was read.</summary>
    public event Action<ReceivedInstance, ImagingResult?, string?>? Completed;

    public ValueTask EnqueueAsync(ReceivedInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return queue.Writer.WriteAsync(instance, cancellationToken);
    }

    private async Task ConsumeAsync()
    {
        try
        {
            await foreach (var instance in queue.Reader.ReadAllAsync(stopping.Token))
            {
                ImagingResult? result = null;
                string? reason;
                try
                {
                    (result, reason) = await ReadAsync(instance, stopping.Token);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    ReaderLog.Failed(logger, e, instance.SopInstanceUid);
                    reason = $"reading failed: {e.Message}";
                }
                await StoreOutcomeAsync(instance, result, reason);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down; queued instances stay Stored and can be read again.
        }
    }

    /// <summary>One reading; returns the result, or null and the reason to reject the instance.</summary>
    private async Task<(ImagingResult? Result, string? Reason)> ReadAsync(ReceivedInstance instance, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var decoded = await decoder.DecodeAsync(instance.FilePath, cancellationToken);
        metrics.Decode.Record(watch.Elapsed.TotalMilliseconds);
        if (decoded.Frame is not { } frame) return (null, Stage("decode", decoded.RejectReason!));

        ChestXrayModel reader;
        try
        {
            reader = model.Get();
        }
        catch (ModelContractException e)
        {
            return (null, Stage("model", $"AI model refused: {e.Message}"));
        }

        watch.Restart();
        float[] scores;
        try
        {
            var input = preprocessor.ToInput(frame);
            metrics.Preprocess.Record(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            scores = reader.Score(input);
        }
        catch (Exception e) when (e is OpenCvSharp.OpenCVException or ModelContractException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
        {
            return (null, Stage("inference", $"the model could not read it: {e.Message}"));
        }
        metrics.Inference.Record(watch.Elapsed.TotalMilliseconds);

        var findings = reader.Findings(scores);
        var analysedAt = clock.GetUtcNow();
        var turnaround = analysedAt - instance.ReceivedAt;
        var result = new ImagingResult(instance.StudyInstanceUid, findings.Count > 0, turnaround < TimeSpan.Zero ? TimeSpan.Zero : turnaround)
        {
            SopInstanceUid = instance.SopInstanceUid,
            PseudonymisedPatientId = instance.PseudonymisedPatientId,
            ReceivedAt = instance.ReceivedAt,
            AnalysedAt = analysedAt,
            Findings = findings,
            ModelVersion = reader.Version,
            CriticalFindings = [.. findings.Where(f => reader.Critical.Contains(f.Label)).Select(f => f.Label)],
        };
        try
        {
            await grains.GetGrain<IClinicGrain>(instance.ClinicId).RecordAiResultAsync(result);
        }
        catch (TwinValidationException e)
        {
            return (null, Stage("twin", $"the twin refused the reading: {e.Message}"));
        }
        metrics.Read.Add(1);
        if (result.Abnormal) metrics.Abnormal.Add(1);
        metrics.Turnaround.Record((clock.GetUtcNow() - instance.ReceivedAt).TotalMilliseconds);
        ReaderLog.Read(logger, instance.SopInstanceUid, instance.ClinicId, result.Abnormal, findings.Count, result.Turnaround.TotalMilliseconds);
        return (result, null);
    }

    private string Stage(string stage, string reason)
    {
        metrics.Rejected.Add(1, new KeyValuePair<string, object?>("stage", stage));
        return reason;
    }

    private async Task StoreOutcomeAsync(ReceivedInstance instance, ImagingResult? result, string? reason)
    {
        if (reason is not null) ReaderLog.Rejected(logger, instance.SopInstanceUid, instance.ClinicId, reason);
        try
        {
            await outcomes.SetOutcomeAsync(instance.SopInstanceUid, reason is null ? InstanceOutcome.Read : InstanceOutcome.Rejected, reason);
        }
        catch (Exception e)
        {
            ReaderLog.OutcomeFailed(logger, e, instance.SopInstanceUid);
        }
        Completed?.Invoke(instance, result, reason);
    }

    public async ValueTask DisposeAsync()
    {
        // Registered both as itself and as IImagingReader, so a container disposes it twice.
        if (stopping.IsCancellationRequested) return;
        queue.Writer.TryComplete();
        await stopping.CancelAsync();
        await Task.WhenAll(consumers);
        stopping.Dispose();
    }
}
