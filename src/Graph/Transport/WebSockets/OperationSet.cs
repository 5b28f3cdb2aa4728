namespace CityTwin.Graph.Transport.WebSockets;

/// <summary>
/// The running operations of one connection by id. An id is reserved from <c>subscribe</c> until the operation ends,
/// whatever its kind, so a second <c>subscribe</c> with it is a 4409; once ended, the client may reuse it.
/// </summary>
internal sealed class OperationSet
{
    private readonly Dictionary<string, RunningOperation> _operations = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate) return _operations.Count;
        }
    }

    public bool Contains(string id)
    {
        lock (_gate) return _operations.ContainsKey(id);
    }

    public bool TryAdd(RunningOperation operation)
    {
        lock (_gate) return _operations.TryAdd(operation.Id, operation);
    }

    /// <summary>Removes the operation if it is still the one under its id (the id may already serve a newer one).</summary>
    public bool Remove(RunningOperation operation)
    {
        lock (_gate)
        {
            if (!_operations.TryGetValue(operation.Id, out var current) || current != operation) return false;
            return _operations.Remove(operation.Id);
        }
    }

    public RunningOperation? Remove(string id)
    {
        lock (_gate) return _operations.Remove(id, out var operation) ? operation : null;
    }

    /// <summary>Stops every operation: the connection is closing.</summary>
    public void StopAll()
    {
        RunningOperation[] all;
        lock (_gate)
        {
            all = [.. _operations.Values];
            _operations.Clear();
        }
        foreach (var operation in all) operation.Dispose();
    }
}
