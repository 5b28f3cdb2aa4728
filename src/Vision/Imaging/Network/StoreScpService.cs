using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using CityTwin.Vision.Imaging.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CityTwin.Vision.Imaging.Network;

/// <summary>
/// The DICOM C-STORE SCP: listens on 127.0.0.1 (plain, TLS, or both) and serves each connection as its own
/// association, many at once. Each source address holds a bounded number of connections, connections still negotiating
/// never take association slots, and a connection that fails, hangs, trickles or lies ends alone.
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
    private readonly TaskCompletionSource<int> tlsStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConnectionGate gate = new(options.Value);
    private readonly PeerAllowList allowList = new(options.Value);

    /// <summary>The port of the plain listener, once listening (cancelled when it is off).</summary>
    public Task<int> LocalPort => started.Task;

    /// <summary>The port of the TLS listener, once listening (cancelled when TLS is off).</summary>
    public Task<int> TlsPort => tlsStarted.Task;

    /// <summary>Associations being served now.</summary>
    public int ActiveAssociations => gate.Associations;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            started.TrySetCanceled(CancellationToken.None);
            tlsStarted.TrySetCanceled(CancellationToken.None);
            return;
        }
        var listeners = new List<Task>();
        if (settings.Tls.Enabled)
        {
            X509Certificate2 certificate;
            try
            {
                certificate = LoadCertificate(settings.Tls);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or ArgumentException)
            {
                LogCertificateFailed(logger, e, settings.Tls.CertificatePath!);
                started.TrySetException(e);
                tlsStarted.TrySetException(e);
                return;
            }
            listeners.Add(ListenAsync(settings.Tls.Port, certificate, tlsStarted, stoppingToken));
        }
        else tlsStarted.TrySetCanceled(CancellationToken.None);
        if (settings.Tls is { Enabled: true, Only: true }) started.TrySetCanceled(CancellationToken.None);
        else listeners.Add(ListenAsync(settings.Port, null, started, stoppingToken));
        await Task.WhenAll(listeners);
    }

    private static X509Certificate2 LoadCertificate(ScpTlsOptions tls)
    {
        if (string.IsNullOrWhiteSpace(tls.KeyPath)) throw new ArgumentException($"{ScpOptions.Section}:Tls:KeyPath is required with a certificate");
        return X509Certificate2.CreateFromPemFile(StoragePaths.Resolve(tls.CertificatePath!), StoragePaths.Resolve(tls.KeyPath));
    }

    private async Task ListenAsync(int configuredPort, X509Certificate2? certificate, TaskCompletionSource<int> ready, CancellationToken stoppingToken)
    {
        var listener = new TcpListener(IPAddress.Loopback, configuredPort);
        try
        {
            listener.Start();
        }
        catch (SocketException e)
        {
            ready.TrySetException(e);
            LogListenFailed(logger, e, configuredPort);
            return;
        }
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        LogListening(logger, port, certificate is null ? "plain" : "TLS", options.Value.AeTitle);
        ready.TrySetResult(port);
        var connections = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stoppingToken);
                connections.RemoveAll(t => t.IsCompleted);
                connections.Add(ServeAsync(client, certificate, stoppingToken));
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

    private async Task ServeAsync(TcpClient client, X509Certificate2? certificate, CancellationToken stoppingToken)
    {
        await Task.Yield();
        using (client)
        {
            var peer = PeerAllowList.Normalise(((IPEndPoint)client.Client.RemoteEndPoint!).Address);
            if (!allowList.AllowedForAnyClinic(peer))
            {
                LogPeerNotAllowed(logger, peer.ToString());
                return;
            }
            using var ticket = gate.TryOpen(peer);
            if (ticket is null)
            {
                LogPeerOverLimit(logger, peer.ToString(), options.Value.MaxConnectionsPerPeer);
                return;
            }
            try
            {
                client.NoDelay = true;
                await using var network = client.GetStream();
                await using var stream = certificate is null ? (Stream)network : await HandshakeAsync(network, certificate, ticket, stoppingToken);
                var association = new ScpAssociation(stream, ticket, allowList, options.Value, imaging.Value, store, clinics, find, time, logger);
                await association.RunAsync(stoppingToken);
            }
            catch (TlsHandshakeFailedException e)
            {
                LogHandshakeFailed(logger, peer.ToString(), e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Last line of defence: one association's bug must not take the listener down.
                LogAssociationFailed(logger, e);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <summary>The TLS handshake counts as negotiation: it must finish within ARTIM, and the gate may drop it.</summary>
    private async Task<SslStream> HandshakeAsync(NetworkStream network, X509Certificate2 certificate, PeerTicket ticket, CancellationToken stoppingToken)
    {
        var tls = new SslStream(network, leaveInnerStreamOpen: true);
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, ticket.Dropped);
        timer.CancelAfter(options.Value.AssociationRequestTimeout);
        try
        {
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
            {
                ServerCertificate = certificate,
                ClientCertificateRequired = false,
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            }, timer.Token);
            return tls;
        }
        catch (Exception e) when (e is AuthenticationException or IOException || (e is OperationCanceledException && !stoppingToken.IsCancellationRequested))
        {
            await tls.DisposeAsync();
            throw new TlsHandshakeFailedException(e is OperationCanceledException ? "no TLS handshake within the association request timeout" : e.Message);
        }
    }

    private sealed class TlsHandshakeFailedException(string message) : Exception(message);

    [LoggerMessage(Level = LogLevel.Information, Message = "DICOM C-STORE SCP listening on 127.0.0.1:{Port} ({Kind}) as {AeTitle}")]
    private static partial void LogListening(ILogger logger, int port, string kind, string aeTitle);

    [LoggerMessage(Level = LogLevel.Error, Message = "DICOM C-STORE SCP could not listen on 127.0.0.1:{Port}")]
    private static partial void LogListenFailed(ILogger logger, Exception exception, int port);

    [LoggerMessage(Level = LogLevel.Error, Message = "DICOM TLS certificate {Path} (or its key) could not be loaded; the SCP does not start")]
    private static partial void LogCertificateFailed(ILogger logger, Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DICOM connection from {Peer} closed: no clinic is allowed from that address")]
    private static partial void LogPeerNotAllowed(ILogger logger, string peer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DICOM connection from {Peer} closed: that address already holds {Limit} connections")]
    private static partial void LogPeerOverLimit(ILogger logger, string peer, int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DICOM TLS handshake with {Peer} failed: {Reason}")]
    private static partial void LogHandshakeFailed(ILogger logger, string peer, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "DICOM association failed unexpectedly")]
    private static partial void LogAssociationFailed(ILogger logger, Exception exception);
}
