using CityTwin.Vision.Imaging.Rendering;

namespace CityTwin.Vision.Tests.Imaging.Rendering;

public sealed class RenderedImageCacheTests
{
    [Fact]
    public void Add_OverCapacity_LeastRecentlyUsedDroppedFirst()
    {
        var cache = new RenderedImageCache(capacityBytes: 300);
        cache.Add("a", new byte[100]);
        cache.Add("b", new byte[100]);
        cache.Add("c", new byte[100]);
        Assert.True(cache.TryGet("a", out _)); // a is now the most recent; b is the oldest

        cache.Add("d", new byte[100]);

        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("a", out _));
        Assert.True(cache.TryGet("c", out _));
        Assert.True(cache.TryGet("d", out _));
        Assert.Equal(300, cache.Bytes);
        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public void Add_LargerThanTheWholeCache_NotKeptAndNothingEvicted()
    {
        var cache = new RenderedImageCache(capacityBytes: 150);
        cache.Add("small", new byte[100]);

        cache.Add("huge", new byte[151]);

        Assert.False(cache.TryGet("huge", out _));
        Assert.True(cache.TryGet("small", out var small));
        Assert.Equal(100, small.Length);
    }

    [Fact]
    public void KeyOf_OtherQuality_OtherEntry()
    {
        var cache = new RenderedImageCache(capacityBytes: 1000);
        cache.Add(RenderedImageCache.KeyOf("/x/ab.dcm", 90), [1]);

        Assert.False(cache.TryGet(RenderedImageCache.KeyOf("/x/ab.dcm", 50), out _));
        Assert.True(cache.TryGet(RenderedImageCache.KeyOf("/x/ab.dcm", 90), out var jpeg));
        Assert.Equal([1], jpeg);
    }

    [Fact]
    public void Add_ZeroCapacity_KeepsNothing()
    {
        var cache = new RenderedImageCache(capacityBytes: 0);
        cache.Add("a", [1]);
        Assert.Equal(0, cache.Count);
    }
}
