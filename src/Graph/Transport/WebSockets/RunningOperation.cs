namespace CityTwin.Graph.Transport.WebSockets;

/// <summary>
/// One operation of a connection, from <c>subscribe</c> until it completes or the client stops it. Holds what must be
/// undone when it stops: the execution's cancellation and, for subscriptions, the stream subscription.
/// </summary>
internal sealed class RunningOperation : IDisposable
{
    private readonly CancellationTokenSource _cancellation;
    private readonly Lock _gate = new();
    private IDisposable? _stream;
    private bool _stopped;
    private volatile bool _stoppedByClient;

    public RunningOperation(string id, CancellationToken connectionClosing)
    {
        Id = id;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(connectionClosing);
        // Kept apart from the source: the token stays readable after Dispose (the source is always cancelled first).
        Cancellation = _cancellation.Token;
    }

    public string Id { get; }

    /// <summary>Cancelled when the client stops the operation or the connection closes.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>The client sent <c>complete</c>: nothing more may be sent for this operation, even if already queued.</summary>
    public bool StoppedByClient => _stoppedByClient;

    /// <summary>Keeps the stream subscription to dispose when the operation stops; disposes it now if it already stopped.</summary>
    public void Attach(IDisposable stream)
    {
        lock (_gate)
        {
            if (!_stopped)
            {
                _stream = stream;
                return;
            }
        }
        stream.Dispose();
    }

    public void StopByClient()
    {
        _stoppedByClient = true;
        Dispose();
    }

    public void Dispose()
    {
        IDisposable? stream;
        lock (_gate)
        {
            if (_stopped) return;
            _stopped = true;
            stream = _stream;
            _stream = null;
        }
        _cancellation.Cancel();
        stream?.Dispose();
        _cancellation.Dispose();
    }
}
