using CityTwin.Graph.Map;

namespace CityTwin.Graph.Tests.Map;

/// <summary>Bboxes snap to a tile grid: the cover holds the box, and views a few metres apart share one cover.</summary>
public sealed class BasemapTilesTests
{
    [Theory]
    [InlineData(106.70, 10.70, 106.80, 10.90)]
    [InlineData(106.95, 10.45, 107.02, 10.53)]
    [InlineData(-180, -90, 180, 90)]
    [InlineData(106.7519, 10.8025, 106.7519, 10.8025)]
    public void Cover_AnyBox_ContainsTheBoxInAtMostTwoByTwoTiles(double west, double south, double east, double north)
    {
        var box = new BasemapBbox(west, south, east, north);

        var tiles = BasemapTiles.Cover(box);
        var bounds = tiles.Bounds;

        Assert.True(bounds.West <= west && bounds.South <= south && bounds.East >= east && bounds.North >= north, $"{bounds} does not hold {box}");
        Assert.InRange(tiles.MaxX - tiles.MinX, 0, 1);
        Assert.InRange(tiles.MaxY - tiles.MinY, 0, 1);
    }

    [Fact]
    public void Cover_ViewsPannedByAFewMetres_ShareOneKey()
    {
        var keys = Enumerable.Range(0, 20)
            .Select(i => BasemapTiles.Cover(new BasemapBbox(106.741 + i * 0.0001, 10.791, 106.761 + i * 0.0001, 10.811)).Key)
            .Distinct()
            .Count();

        Assert.InRange(keys, 1, 2);
    }
}
