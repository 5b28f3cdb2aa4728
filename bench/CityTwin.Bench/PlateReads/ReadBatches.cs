using System.Text.Json;
using CityTwin.Twin.Plates;

namespace CityTwin.Bench.PlateReads;

/// <summary>
/// Deterministic <c>recordPlateReads</c> calls: each from one camera (round robin), <c>Batch</c> reads of random plates,
/// one read in <c>WatchedEvery</c> of a watched plate (at most one per watched plate per call, so each raises its own
/// alert), unique idempotency keys and seen-at times at millisecond precision.
/// </summary>
public sealed class ReadBatches(PlateReadsSettings settings, IReadOnlyList<(string Id, string Key)> cameras)
{
    public const string Mutation =
        "mutation($reads: [PlateReadInput!]!) { recordPlateReads(reads: $reads) { accepted recorded duplicates errors { code message } } }";

    private readonly Random random = new(4);
    private readonly string[] plates = Enumerable.Range(0, settings.Plates).Select(Plate).ToArray();
    private long sequence;
    private long readCount;

    /// <summary>The watched plates (display form); they never appear among the ordinary plates.</summary>
    public IReadOnlyList<string> Watched { get; } = Enumerable.Range(0, settings.WatchedPlates).Select(i => Plate(1_000_000 + i)).ToList();

    /// <summary>The next call: the camera key to send it with, the JSON body, and the alert keys of its watched reads.</summary>
    public (string CameraKey, byte[] Body, List<string> WatchedAlerts) Next()
    {
        var call = Interlocked.Increment(ref sequence);
        var (cameraId, cameraKey) = cameras[(int)(call % cameras.Count)];
        var seenAt = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var watchedAlerts = new List<string>();
        var usedWatched = new HashSet<string>(StringComparer.Ordinal);
        var reads = new List<object>(settings.Batch);
        lock (random)
        {
            for (var i = 0; i < settings.Batch; i++)
            {
                var n = Interlocked.Increment(ref readCount);
                string plate;
                if (n % settings.WatchedEvery == 0 && usedWatched.Add(plate = Watched[random.Next(Watched.Count)]))
                    watchedAlerts.Add(Alerts(plate, cameraId, seenAt));
                else
                    plate = plates[random.Next(plates.Length)];
                reads.Add(new { cameraId, seenAt, plate, confidence = 0.9, idempotencyKey = $"{call}-{i}" });
            }
        }
        var body = JsonSerializer.SerializeToUtf8Bytes(new { query = Mutation, variables = new { reads } });
        return (cameraKey, body, watchedAlerts);
    }

    /// <summary>
    /// Calls that read every plate once (watched ones included), so the measured phase sees vehicles the twin already
    /// knows, as a city does most of the day; a first read also activates the grain and asks the province's watchlist.
    /// </summary>
    public IEnumerable<(string CameraKey, byte[] Body)> Priming()
    {
        var all = plates.Concat(Watched).ToList();
        for (var start = 0; start < all.Count; start += settings.Batch)
        {
            var (cameraId, cameraKey) = cameras[start / settings.Batch % cameras.Count];
            var seenAt = DateTimeOffset.UtcNow.AddMinutes(-5);
            var reads = all.Skip(start).Take(settings.Batch)
                .Select((plate, i) => new { cameraId, seenAt, plate, confidence = 0.9, idempotencyKey = $"prime-{start + i}" });
            yield return (cameraKey, JsonSerializer.SerializeToUtf8Bytes(new { query = Mutation, variables = new { reads } }));
        }
    }

    private static string Alerts(string plate, string cameraId, DateTimeOffset seenAt) => AlertListener.KeyOf(plate, cameraId, seenAt);

    /// <summary>A valid plate for number n: motorbikes 59-X1..X9 and cars 50A..58A, as the display form the twin shows.</summary>
    private static string Plate(int n)
    {
        var number = (n % 100_000).ToString("00000", System.Globalization.CultureInfo.InvariantCulture);
        var text = (n / 100_000) switch
        {
            var block when block % 2 == 0 => $"59-X{block % 9 + 1} {number}",
            var block => $"5{block % 9}A-{number}",
        };
        return PlateNumber.Parse(text).Display;
    }
}
