using System.Globalization;

namespace CityTwin.Graph.Map;

/// <summary>
/// Snaps a requested bbox outwards to a tile grid (web-map style: at zoom z the world is 2^z × 2^z tiles of equal
/// degrees), at the finest zoom where the box spans at most two tiles each way. Map views that differ by a pan of a
/// few pixels then share one tile-aligned box, so they share one cached document and one PostGIS query.
/// </summary>
public readonly record struct BasemapTiles(int Zoom, int MinX, int MinY, int MaxX, int MaxY)
{
    /// <summary>Finest grid used: zoom 18 tiles are about 150 m wide, smaller than any sensible view.</summary>
    public const int MaxZoom = 18;

    /// <summary>The tile-aligned cover of <paramref name="bbox"/>.</summary>
    public static BasemapTiles Cover(BasemapBbox bbox)
    {
        for (var zoom = MaxZoom; zoom > 0; zoom--)
        {
            var tiles = At(bbox, zoom);
            if (tiles.MaxX - tiles.MinX <= 1 && tiles.MaxY - tiles.MinY <= 1) return tiles;
        }
        return At(bbox, 0);
    }

    /// <summary>The area the tiles cover, which is what is queried and served (it contains the requested box).</summary>
    public BasemapBbox Bounds
    {
        get
        {
            var (width, height) = (360.0 / (1 << Zoom), 180.0 / (1 << Zoom));
            return new BasemapBbox(-180 + MinX * width, -90 + MinY * height, -180 + (MaxX + 1) * width, -90 + (MaxY + 1) * height);
        }
    }

    /// <summary>The cache key: zoom and tile range.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Zoom}/{MinX}-{MaxX}/{MinY}-{MaxY}");

    private static BasemapTiles At(BasemapBbox bbox, int zoom)
    {
        var count = 1 << zoom;
        int Column(double lon) => Math.Clamp((int)Math.Floor((lon + 180) / 360 * count), 0, count - 1);
        int Row(double lat) => Math.Clamp((int)Math.Floor((lat + 90) / 180 * count), 0, count - 1);
        return new BasemapTiles(zoom, Column(bbox.West), Row(bbox.South), Column(bbox.East), Row(bbox.North));
    }
}
