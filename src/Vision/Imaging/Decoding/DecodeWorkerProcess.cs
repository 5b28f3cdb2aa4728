using System.Diagnostics;
using CityTwin.Vision.Imaging.DecodeWorker;

namespace CityTwin.Vision.Imaging.Decoding;

/// <summary>One running worker process and its pipes. Not thread-safe: the pool lends it to one request at a time.</summary>
internal sealed class DecodeWorkerProcess : IDisposable
{
    private readonly Process process;
    private readonly Stream requests;
    private readonly Stream replies;
    private readonly Queue<string> lastErrors = new();
    private bool ready;

    /// <summary>How long a new worker may take to load .NET and GDCM; generous because a loaded machine starts slowly.</summary>
    public static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    private DecodeWorkerProcess(Process process)
    {
        this.process = process;
        requests = process.StandardInput.BaseStream;
        replies = process.StandardOutput.BaseStream;
        // Drained so a chatty decoder never blocks on a full stderr pipe; the last lines explain a crash.
        process.ErrorDataReceived += (_, e) =>
        {
            if (string.IsNullOrWhiteSpace(e.Data)) return;
            lock (lastErrors)
            {
                lastErrors.Enqueue(e.Data.Trim());
                while (lastErrors.Count > 3) lastErrors.Dequeue();
            }
        };
        process.BeginErrorReadLine();
    }

    public int ProcessId => process.Id;

    public static DecodeWorkerProcess Start(DecoderPoolOptions options)
    {
        var path = options.WorkerPath ?? WorkerLocator.Default();
        var start = path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new ProcessStartInfo(WorkerLocator.DotnetHost()) { ArgumentList = { "exec", path } }
            : new ProcessStartInfo(path);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.Environment["CITYTWIN_DICOM_WORKER_FAULTS"] = options.EnableFaultInjection ? "1" : "0";
        // Small heaps: a worker holds one image at a time.
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_TieredPGO"] = "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start the decoder worker {path}");
        return new DecodeWorkerProcess(process);
    }

    /// <summary>Decodes one file; throws <see cref="WorkerFailure"/> when this worker crashed, hung or answered garbage.</summary>
    public async Task<DecodeReply> DecodeAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        await EnsureReadyAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<DecodeReply?> reading;
        try
        {
            await DecodeProtocol.WriteRequestAsync(requests, path, cancellationToken);
            reading = DecodeProtocol.ReadReplyAsync(replies, deadline.Token);
        }
        catch (IOException)
        {
            throw new WorkerFailure(await CrashReasonAsync(name));
        }
        // A pipe read is not reliably interrupted by cancellation, so the deadline is raced and the worker killed.
        var finished = await Task.WhenAny(reading, Task.Delay(timeout, cancellationToken));
        if (finished != reading)
        {
            Kill();
            deadline.Cancel();
            await IgnoreFailure(reading);
            cancellationToken.ThrowIfCancellationRequested();
            throw new WorkerFailure($"decoder timed out after {timeout.TotalSeconds:0.#} s on {name}");
        }
        DecodeReply? reply;
        try
        {
            reply = await reading;
        }
        catch (InvalidDataException e)
        {
            throw new WorkerFailure($"decoder returned garbage on {name} ({e.Message})");
        }
        catch (IOException)
        {
            reply = null;
        }
        return reply ?? throw new WorkerFailure(await CrashReasonAsync(name));
    }

    /// <summary>Waits for a new worker's ready signal; throws <see cref="WorkerFailure"/> when it dies or stalls first.</summary>
    public async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        if (ready) return;
        var signal = DecodeProtocol.ReadReadyAsync(replies, cancellationToken);
        if (await Task.WhenAny(signal, Task.Delay(StartupTimeout, cancellationToken)) != signal)
        {
            Kill();
            await IgnoreFailure(signal);
            cancellationToken.ThrowIfCancellationRequested();
            throw new WorkerFailure($"decoder worker did not start within {StartupTimeout.TotalSeconds:0} s");
        }
        bool ok;
        try
        {
            ok = await signal;
        }
        catch (IOException)
        {
            ok = false;
        }
        if (!ok) throw new WorkerFailure((await CrashReasonAsync("start-up")).Replace(" on start-up", " while starting", StringComparison.Ordinal));
        ready = true;
    }

    private async Task<string> CrashReasonAsync(string name)
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            return $"decoder closed its output without exiting on {name}";
        }
        string detail;
        lock (lastErrors) detail = lastErrors.Count == 0 ? "" : ": " + string.Join(" | ", lastErrors);
        return $"decoder crashed (exit code {process.ExitCode}) on {name}{detail}";
    }

    public void Kill()
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                requests.Write(new byte[4]); // length 0: exit
                requests.Flush();
                if (!process.WaitForExit(1000)) Kill();
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            Kill();
        }
        process.Dispose();
    }

    private static async Task IgnoreFailure(Task task)
    {
        try
        {
            await task;
        }
        catch
        {
            // The worker was killed; whatever the read saw no longer matters.
        }
    }
}
