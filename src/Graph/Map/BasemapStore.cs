using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CityTwin.Graph.Map;

/// <summary>Reads basemap layers from PostGIS as GeoJSON and keeps each (layer, bbox) document for a short while.</summary>
public sealed class BasemapStore(NpgsqlDataSource dataSource, IOptions<BasemapOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, BasemapDocument> cache = new(StringComparer.Ordinal);

    public async Task<BasemapDocument> GetAsync(BasemapLayer layer, BasemapBbox? bbox, CancellationToken cancellationToken)
    {
        var key = $"{layer}:{bbox?.Key}";
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(key, out var cached) && now - cached.MadeAt < options.Value.CacheFor) return cached;

        var json = await QueryAsync(layer, bbox, cancellationToken);
        var document = new BasemapDocument(json, ETagOf(json), now);
        // A plain size cap: when full, start over rather than track recency; a refill costs one query per document.
        if (cache.Count >= options.Value.MaxCachedDocuments) cache.Clear();
        cache[key] = document;
        return document;
    }

    private async Task<string> QueryAsync(BasemapLayer layer, BasemapBbox? bbox, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(BasemapSql.For(layer, bbox is not null));
        if (bbox is { } box)
        {
            command.Parameters.AddWithValue("west", box.West);
            command.Parameters.AddWithValue("south", box.South);
            command.Parameters.AddWithValue("east", box.East);
            command.Parameters.AddWithValue("north", box.North);
        }
        return (string?)await command.ExecuteScalarAsync(cancellationToken) ?? """{"type":"FeatureCollection","features":[]}""";
    }

    private static string ETagOf(string json) =>
        $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)).AsSpan(0, 12))}\"";
}
