using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CityTwin.Graph.Transport.WebSockets;

/// <summary>
/// Counts open GraphQL sockets per client address and per API key (<see cref="GraphQLWebSocketOptions.MaxSocketsPerAddress"/>,
/// <see cref="GraphQLWebSocketOptions.MaxSocketsPerKey"/>), so one address or one key cannot hold every socket the host
/// can serve. A slot is taken when a socket opens (address) or is acknowledged (key) and given back when it ends.
/// </summary>
public sealed class SocketLimiter(IOptions<GraphQLWebSocketOptions> options)
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>A slot for one more socket from <paramref name="address"/>, or null when it holds its maximum.</summary>
    public IDisposable? TryOpenForAddress(string address) => TryTake("address:" + address, options.Value.MaxSocketsPerAddress);

    /// <summary>A slot for one more socket of key <paramref name="keyId"/>, or null when it holds its maximum.</summary>
    public IDisposable? TryOpenForKey(string keyId) => TryTake("key:" + keyId, options.Value.MaxSocketsPerKey);

    /// <summary>Sockets open now under <paramref name="keyId"/>.</summary>
    public int OpenForKey(string keyId) => _open.GetValueOrDefault("key:" + keyId);

    private Slot? TryTake(string bucket, int limit)
    {
        if (limit <= 0) return new Slot(this, null);
        while (true)
        {
            var current = _open.GetValueOrDefault(bucket);
            if (current >= limit) return null;
            if (current == 0 ? _open.TryAdd(bucket, 1) : _open.TryUpdate(bucket, current + 1, current)) return new Slot(this, bucket);
        }
    }

    private void Release(string bucket)
    {
        while (true)
        {
            var current = _open.GetValueOrDefault(bucket);
            if (current <= 1)
            {
                if (_open.TryRemove(new KeyValuePair<string, int>(bucket, current)) || current == 0) return;
            }
            else if (_open.TryUpdate(bucket, current - 1, current)) return;
        }
    }

    private sealed class Slot(SocketLimiter owner, string? bucket) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (bucket is not null && Interlocked.Exchange(ref _released, 1) == 0) owner.Release(bucket);
        }
    }
}
