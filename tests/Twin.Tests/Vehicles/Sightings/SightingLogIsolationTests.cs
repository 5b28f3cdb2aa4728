using CityTwin.Testing;
using CityTwin.Twin.Persistence;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Vehicles.Sightings;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CityTwin.Twin.Tests.Vehicles.Sightings;

/// <summary>
/// The group commit on a real PostgreSQL: many callers share one INSERT, so a row PostgreSQL refuses must fail only
/// its own caller, and a detection id asked for by two callers in one INSERT belongs to one of them only.
/// </summary>
public sealed class SightingLogIsolationTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly GeoPoint AnPhu = new(106.7519, 10.8025);

    private SightingLog NewLog() => new(database.DataSource,
        Options.Create(new SightingLogOptions { ConcurrentWriters = 1, MaxRowsPerBatch = 4_000 }), NullLogger<SightingLog>.Instance);

    private static SightingInput Sighting(string detectionId) =>
        new(detectionId, "cam-isolation", DateTimeOffset.UtcNow.AddSeconds(-5), AnPhu, 0.9f, "59-X1 123.45");

    [Fact]
    public async Task AppendAsync_OneCallerRowHasNul_OnlyThatCallerFailsAndTheOthersAreStored()
    {
        await using var log = NewLog();
        var run = Guid.NewGuid().ToString("N");
        // Queued before the writer wakes, so the good rows share the INSERT with the bad one.
        var good = Enumerable.Range(0, 200)
            .Select(i => log.AppendAsync($"59X1{i:00000}", [Sighting($"{run}:good-{i}")]))
            .ToList();
        var bad = log.AppendAsync("59X199999", [Sighting($"{run}:bad\0key")]);

        await Assert.ThrowsAsync<TwinStorageException>(() => bad);
        var stored = await Task.WhenAll(good);

        Assert.All(stored, ids => Assert.Single(ids));
        Assert.Equal(200L, await database.ScalarAsync($"SELECT count(*) FROM sightings WHERE detection_id LIKE '{run}:good-%'"));
    }

    [Fact]
    public async Task AppendAsync_SameDetectionIdFromTwoCallersInOneInsert_OnlyOneOwnsIt()
    {
        await using var log = NewLog();
        var id = $"{Guid.NewGuid():N}:same";

        var both = await Task.WhenAll(
            log.AppendAsync("59X100001", [Sighting(id)]),
            log.AppendAsync("59X100002", [Sighting(id)]));

        Assert.Equal(1, both.Sum(ids => ids.Count));
        Assert.Equal(1L, await database.ScalarAsync($"SELECT count(*) FROM sightings WHERE detection_id = '{id}'"));
    }
}
