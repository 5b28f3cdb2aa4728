using System.Net;
using System.Net.Sockets;

namespace CityTwin.Testing;

/// <summary>
/// A loopback TCP relay in front of a real server (here PostgreSQL) that a test can cut and restore: cutting closes
/// every relayed connection and refuses new ones, as a database that went down does; restoring listens again on the
/// same port. The client under test never knows it talks through a relay.
/// </summary>
public sealed class TcpCutProxy : IAsyncDisposable
{
    private readonly IPEndPoint target;
    private readonly List<TcpClient> open = [];
    private TcpListener? listener;
    private CancellationTokenSource cut = new();

    public TcpCutProxy(string targetHost, int targetPort)
    {
        target = new IPEndPoint(IPAddress.Parse(targetHost == "localhost" ? "127.0.0.1" : targetHost), targetPort);
        Port = FreePort.Next();
        Restore();
    }

    /// <summary>The loopback port clients connect to.</summary>
    public int Port { get; }

    /// <summary>Closes every relayed connection and stops listening, so new connections are refused.</summary>
    public void Cut()
    {
        cut.Cancel();
        listener?.Stop();
        listener = null;
        lock (open)
        {
            foreach (var client in open) client.Dispose();
            open.Clear();
        }
    }

    /// <summary>Listens again on <see cref="Port"/> and relays new connections.</summary>
    public void Restore()
    {
        cut = new CancellationTokenSource();
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Start();
        _ = AcceptLoopAsync(listener, cut.Token);
    }

    private async Task AcceptLoopAsync(TcpListener accepting, CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await accepting.AcceptTcpClientAsync(token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(target, token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException)
            {
                inbound.Dispose();
                outbound.Dispose();
                continue;
            }
            lock (open) open.AddRange([inbound, outbound]);
            _ = RelayAsync(inbound, outbound, token);
        }
    }

    private static async Task RelayAsync(TcpClient a, TcpClient b, CancellationToken token)
    {
        try
        {
            var there = a.GetStream().CopyToAsync(b.GetStream(), token);
            var back = b.GetStream().CopyToAsync(a.GetStream(), token);
            await Task.WhenAny(there, back);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
        finally
        {
            a.Dispose();
            b.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        cut.Dispose();
        return ValueTask.CompletedTask;
    }
}
