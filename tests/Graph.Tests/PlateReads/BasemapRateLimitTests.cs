using System.Net;

namespace CityTwin.Graph.Tests.PlateReads;

/// <summary>
/// The public basemap through real Kestrel and PostGIS on the product's wiring: one address asking for many new areas
/// is told 429 with Retry-After once its query budget is spent, while areas already cached are still served.
/// </summary>
[Collection(PlateReadsCollection.Name)]
public sealed class BasemapRateLimitTests(PlateReadsHost host)
{
    [Fact]
    public async Task Basemap_ManyNewAreasFromOneAddress_429WithRetryAfterAndCachedAreasStillServed()
    {
        using var http = new HttpClient { BaseAddress = host.BaseUrl };
        const string cached = "map/layers/wards.geojson?bbox=106.70,10.70,106.80,10.90";
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(cached)).StatusCode);

        // Small boxes 4 degrees apart: each is its own tile cover, so each costs a query.
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 80; i++)
            answers.Add(await http.GetAsync(FormattableString.Invariant($"map/layers/roads.geojson?bbox={-170 + i * 4},1,{-169.9 + i * 4},1.1")));
        using var again = await http.GetAsync(cached);

        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, r => Assert.NotNull(r.Headers.RetryAfter));
        Assert.InRange(answers.Count(a => a.StatusCode == HttpStatusCode.OK), 40, 79);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        answers.ForEach(a => a.Dispose());
    }
}
