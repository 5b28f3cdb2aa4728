using System.Collections.Concurrent;
using System.Threading.Channels;
using CityTwin.Vision.Imaging.DecodeWorker;
using Microsoft.Extensions.Options;

namespace CityTwin.Vision.Imaging.Decoding;

/// <summary>
/// A pool of warm GDCM worker processes. Each request borrows one worker; a worker that crashes, hangs past the timeout
/// or breaks the protocol is killed and replaced, and only the file it was decoding is rejected. Requests on other
/// workers carry on untouched.
/// </summary>
public sealed class DecoderPool : IAsyncDisposable
{
    private readonly DecoderPoolOptions options;
    private readonly Channel<DecodeWorkerProcess?> idle;
    private readonly ConcurrentDictionary<int, string> active = new();
    private int replaced;
    private bool disposed;

    public DecoderPool(IOptions<DecoderPoolOptions> options)
    {
        this.options = options.Value;
        if (this.options.Workers < 1) throw new ArgumentException($"{DecoderPoolOptions.Section}:Workers must be at least 1");
        if (this.options.Timeout <= TimeSpan.Zero) throw new ArgumentException($"{DecoderPoolOptions.Section}:Timeout must be positive");
        idle = Channel.CreateUnbounded<DecodeWorkerProcess?>();
        for (var i = 0; i < this.options.Workers; i++) idle.Writer.TryWrite(TryStart());
    }

    /// <summary>Workers replaced after a crash, hang or garbage reply since the pool started.</summary>
    public int WorkersReplaced => Volatile.Read(ref replaced);

    /// <summary>Process ids of the workers decoding right now, with the file each is on.</summary>
    public IReadOnlyDictionary<int, string> ActiveWorkers => active;

    /// <summary>Raised with the reason whenever a worker is replaced.</summary>
    public event Action<string>? WorkerReplaced;

    public async Task<DecodeOutcome> DecodeAsync(string path, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var worker = await idle.Reader.ReadAsync(cancellationToken);
        try
        {
            worker ??= DecodeWorkerProcess.Start(options);
        }
        catch (Exception e)
        {
            idle.Writer.TryWrite(null);
            return DecodeOutcome.Rejected($"decoder worker could not start: {e.Message}");
        }
        try
        {
            await worker.EnsureReadyAsync(cancellationToken);
            active[worker.ProcessId] = path;
            var reply = await worker.DecodeAsync(path, options.Timeout, cancellationToken);
            return reply.Frame is { } frame ? DecodeOutcome.Ok(frame) : DecodeOutcome.Rejected(reply.Error ?? "decoder gave no reason");
        }
        catch (WorkerFailure failure)
        {
            active.TryRemove(worker.ProcessId, out _);
            worker.Kill();
            worker.Dispose();
            worker = TryStart();
            Interlocked.Increment(ref replaced);
            WorkerReplaced?.Invoke(failure.Message);
            return DecodeOutcome.Rejected(failure.Message);
        }
        catch (OperationCanceledException)
        {
            // The caller gave up mid-request: the worker's reply would arrive out of step, so it cannot be reused.
            active.TryRemove(worker.ProcessId, out _);
            worker.Kill();
            worker.Dispose();
            worker = null;
            throw;
        }
        finally
        {
            if (worker is not null) active.TryRemove(worker.ProcessId, out _);
            // After disposal the channel is closed: a worker coming back then is shut down instead of leaking.
            if (!idle.Writer.TryWrite(worker)) worker?.Dispose();
        }
    }

    /// <summary>A warm worker, or null (started on first use) when it cannot start now.</summary>
    private DecodeWorkerProcess? TryStart()
    {
        try
        {
            return DecodeWorkerProcess.Start(options);
        }
        catch (Exception e) when (e is InvalidOperationException or FileNotFoundException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    public ValueTask DisposeAsync()
    {
        if (disposed) return ValueTask.CompletedTask;
        disposed = true;
        idle.Writer.TryComplete();
        while (idle.Reader.TryRead(out var worker)) worker?.Dispose();
        return ValueTask.CompletedTask;
    }
}
