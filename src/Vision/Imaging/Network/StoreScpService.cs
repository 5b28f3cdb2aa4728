using System.Net;
using System.Net.Sockets;
using CityTwin.Vision.Imaging.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityTwin.Vision.Imaging.Network;

/// <summary>
/// The DICOM C-STORE SCP: listens on 127.0.0.1 and serves each connection as its own association, many at once. A
/// connection that fails, hangs or lies ends alone; the listener keeps accepting.
/// </summary>
public sealed partial class StoreScpService(
    IOptions<ScpOptions> options,
    IOptions<ImagingOptions> imaging,
    ImagingStore store,
    ClinicDirectory clinics,
    Find.StudyRootFind find,
    TimeProvider time,
    ILogger<StoreScpService> logger) : BackgroundService
{
    private readonly TaskCompletionSource<int> started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int active;

    /// <summary>The port it listens on, once listening.</summary>
    public Task<int> LocalPort => started.Task;

    /// <summary>Associations being served now.</summary>
    public int ActiveAssociations => Volatile.Read(ref active);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            started.TrySetCanceled(CancellationToken.None);
            return;
        }
        var listener = new TcpListener(IPAddress.Loopback, settings.Port);
        try
        {
            listener.Start();
        }
        catch (SocketException e)
        {
            started.TrySetException(e);
            LogListenFailed(logger, e, settings.Port);
            return;
        }
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        LogListening(logger, port, settings.AeTitle);
        started.TrySetResult(port);
        var connections = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stoppingToken);
                connections.RemoveAll(t => t.IsCompleted);
                connections.Add(ServeAsync(client, settings, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            listener.Stop();
            await Task.WhenAll(connections);
        }
    }

    private async Task ServeAsync(TcpClient client, ScpOptions settings, CancellationToken stoppingToken)
    {
        await Task.Yield();
        var overLimit = Interlocked.Increment(ref active) > settings.MaxAssociations;
        try
        {
            using (client)
            {
                client.NoDelay = true;
                await using var stream = client.GetStream();
                await new ScpAssociation(stream, settings, imaging.Value, store, clinics, find, time, logger).RunAsync(overLimit, stoppingToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Last line of defence: one association's bug must not take the listener down.
            LogAssociationFailed(logger, e);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            Interlocked.Decrement(ref active);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "DICOM C-STORE SCP listening on 127.0.0.1:{Port} as {AeTitle}")]
    private static partial void LogListening(ILogger logger, int port, string aeTitle);

    [LoggerMessage(Level = LogLevel.Error, Message = "DICOM C-STORE SCP could not listen on 127.0.0.1:{Port}")]
    private static partial void LogListenFailed(ILogger logger, Exception exception, int port);

    [LoggerMessage(Level = LogLevel.Error, Message = "DICOM association failed unexpectedly")]
    private static partial void LogAssociationFailed(ILogger logger, Exception exception);
}
