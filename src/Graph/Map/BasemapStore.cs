using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CityTwin.Graph.Map;

/// <summary>
/// Reads basemap layers from PostGIS as GeoJSON. A bbox is snapped to its tile-aligned cover
/// (<see cref="BasemapTiles"/>) and each (layer, tiles) document is kept for <see cref="BasemapOptions.CacheFor"/> in
/// an LRU cache, so nearby views share one query and a full cache drops its least used documents, not all of them.
/// </summary>
public sealed class BasemapStore(NpgsqlDataSource dataSource, IOptions<BasemapOptions> options, TimeProvider clock)
{
    private readonly BasemapCache cache = new(options.Value.MaxCachedDocuments);

    /// <summary>Documents held in the cache now.</summary>
    public int CachedDocuments => cache.Count;

    /// <summary>The cached document for this request, or null when it must be queried.</summary>
    public BasemapDocument? TryGetCached(BasemapLayer layer, BasemapBbox? bbox) =>
        cache.Get(KeyOf(layer, bbox)) is { } cached && clock.GetUtcNow() - cached.MadeAt < options.Value.CacheFor ? cached : null;

    public async Task<BasemapDocument> GetAsync(BasemapLayer layer, BasemapBbox? bbox, CancellationToken cancellationToken)
    {
        if (TryGetCached(layer, bbox) is { } cached) return cached;
        var json = await QueryAsync(layer, bbox is { } box ? BasemapTiles.Cover(box).Bounds : null, cancellationToken);
        var document = new BasemapDocument(json, ETagOf(json), clock.GetUtcNow());
        cache.Put(KeyOf(layer, bbox), document);
        return document;
    }

    private static string KeyOf(BasemapLayer layer, BasemapBbox? bbox) => $"{layer}:{(bbox is { } box ? BasemapTiles.Cover(box).Key : "all")}";

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
