using System.Threading.Channels;
using CityTwin.Twin.Audit;

namespace CityTwin.Graph.Schema.Live;

/// <summary>
/// Writes the audit rows of subscriptions (start, end, plates delivered to operators) in batches off the delivery path:
/// an event is never held back by the database, and one INSERT carries up to <see cref="BatchSize"/> rows. Rows wait in
/// memory until written; a failed batch is retried, so a database outage delays the trail, it does not lose it.
/// </summary>
public sealed class LiveAuditQueue : IAsyncDisposable, IDisposable
{
    private const int BatchSize = 500;
    private readonly Channel<PlateLookup> _rows = Channel.CreateUnbounded<PlateLookup>();
    // Resolved at the first write: a schema built without a database (the snapshot test) never needs it.
    private readonly Lazy<IPlateLookupAudit> _audit;
    private readonly Task _writer;

    public LiveAuditQueue(IServiceProvider services)
    {
        _audit = new Lazy<IPlateLookupAudit>(services.GetRequiredService<IPlateLookupAudit>);
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>Rows queued and not yet written.</summary>
    public int Pending => _rows.Reader.Count;

    public void Enqueue(PlateLookup row) => _rows.Writer.TryWrite(row);

    /// <summary>Completes once every row queued so far is written (tests, shutdown).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        while (_rows.Reader.Count > 0 || Volatile.Read(ref _writing) > 0) await Task.Delay(20, cancellationToken);
    }

    private int _writing;

    private async Task WriteAsync()
    {
        var batch = new List<PlateLookup>(BatchSize);
        while (await _rows.Reader.WaitToReadAsync())
        {
            Interlocked.Increment(ref _writing);
            try
            {
                while (batch.Count < BatchSize && _rows.Reader.TryRead(out var row)) batch.Add(row);
                while (true)
                {
                    try
                    {
                        await _audit.Value.RecordAsync(batch);
                        break;
                    }
                    catch (Exception) when (!_rows.Reader.Completion.IsCompleted)
                    {
                        // The database is away: keep the rows and try again shortly.
                        await Task.Delay(TimeSpan.FromSeconds(1));
                    }
                }
                batch.Clear();
            }
            finally
            {
                Interlocked.Decrement(ref _writing);
            }
        }
    }

    /// <summary>Stops taking rows; the writer finishes what is queued in the background.</summary>
    public void Dispose() => _rows.Writer.TryComplete();

    public async ValueTask DisposeAsync()
    {
        _rows.Writer.TryComplete();
        await _writer.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
