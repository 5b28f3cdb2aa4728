using CityTwin.Graph.Map;

namespace CityTwin.Graph.Tests.Map;

/// <summary>A full basemap cache evicts its least recently used document, never the whole cache.</summary>
public sealed class BasemapCacheTests
{
    private static BasemapDocument Document(string name) => new($"{{\"name\":\"{name}\"}}", $"\"{name}\"", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Put_PastCapacity_EvictsOnlyTheLeastRecentlyUsed()
    {
        var cache = new BasemapCache(3);
        cache.Put("a", Document("a"));
        cache.Put("b", Document("b"));
        cache.Put("c", Document("c"));
        Assert.NotNull(cache.Get("a"));

        cache.Put("d", Document("d"));

        Assert.Equal(3, cache.Count);
        Assert.Null(cache.Get("b"));
        Assert.All(new[] { "a", "c", "d" }, key => Assert.NotNull(cache.Get(key)));
    }
}
