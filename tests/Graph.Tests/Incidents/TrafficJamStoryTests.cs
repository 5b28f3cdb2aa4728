using System.Text.Json;
using Xunit.Abstractions;

namespace CityTwin.Graph.Tests.Incidents;

/// <summary>
/// A jam from the twin's own data, through the product's host: simulated traffic between two Mai Chí Thọ cameras
/// (cam-mct-05 → cam-mct-06, about 400 m) is sent as plate reads over <c>recordPlateReads</c>; when it slows to a crawl a
/// TRAFFIC_JAM incident opens on that segment, and when it recovers the incident is resolved by the jam monitor.
/// </summary>
[Collection(IncidentCollection.Name)]
public sealed class TrafficJamStoryTests(IncidentHost host, ITestOutputHelper output)
{
    private const string From = "cam-mct-05";
    private const string To = "cam-mct-06";
    private const string Segment = From + "→" + To;

    [Fact]
    public async Task TrafficSlowsThenRecovers_JamOpensOnTheSegmentAndClears()
    {
        var metres = await DistanceAsync();
        // One vehicle every 20 s for 36 minutes ending now: 30 km/h, then 6 km/h from minute 12 to 24, then 30 km/h.
        var start = host.Clock.GetUtcNow().AddMinutes(-40);
        var slowFrom = start.AddMinutes(12);
        var slowTo = start.AddMinutes(24);
        for (var i = 0; i < 36 * 3; i++)
        {
            var arrive = start.AddSeconds(20 * i);
            var kmh = arrive >= slowFrom && arrive < slowTo ? 6.0 : 30.0;
            var leave = arrive - TimeSpan.FromHours(metres / 1000 / kmh);
            var plate = $"51G-{300 + i}.{10 + i % 90:00}";
            var data = await host.GraphQLAsync("""
                mutation($reads: [PlateReadInput!]!) { recordPlateReads(reads: $reads) { accepted errors { code message } } }
                """, new { reads = new[]
                {
                    new { cameraId = From, seenAt = leave, plate, confidence = 0.95, idempotencyKey = $"jam-{i}-a" },
                    new { cameraId = To, seenAt = arrive, plate, confidence = 0.95, idempotencyKey = $"jam-{i}-b" },
                } });
            Assert.True(data.GetProperty("recordPlateReads").GetProperty("accepted").GetBoolean(), data.ToString());
        }

        var jam = await WaitForJamAsync(j => j.GetProperty("status").GetString() == "RESOLVED");
        var detected = jam.GetProperty("detectedAt").GetDateTimeOffset();
        var resolved = jam.GetProperty("resolvedAt").GetDateTimeOffset();
        output.WriteLine($"segment {metres:F0} m; slowdown {slowFrom:HH:mm:ss}–{slowTo:HH:mm:ss}; jam slow since {detected:HH:mm:ss}, "
            + $"cleared {resolved:HH:mm:ss}; {jam.GetProperty("description")}");
        Assert.InRange(detected, slowFrom, slowFrom.AddMinutes(5));
        Assert.InRange(resolved, slowTo, slowTo.AddMinutes(5));
        Assert.Equal([From, To], jam.GetProperty("sourceCameraIds").EnumerateArray().Select(c => c.GetString()!));
        Assert.Equal("jam monitor", jam.GetProperty("timeline").EnumerateArray().Last().GetProperty("actor").GetString());
    }

    private async Task<double> DistanceAsync()
    {
        var data = await host.GraphQLAsync($$"""{ a: camera(id: "{{From}}") { location } b: camera(id: "{{To}}") { location } }""");
        static Twin.Spatial.GeoPoint At(JsonElement camera)
        {
            var c = camera.GetProperty("location").GetProperty("coordinates");
            return new Twin.Spatial.GeoPoint(c[0].GetDouble(), c[1].GetDouble());
        }
        return Twin.Spatial.MetricProjection.DistanceMetres(At(data.GetProperty("a")), At(data.GetProperty("b")));
    }

    private async Task<JsonElement> WaitForJamAsync(Func<JsonElement, bool> match)
    {
        JsonElement last = default;
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(250))
        {
            var nodes = (await host.GraphQLAsync("""
                { incidents(kinds: [TRAFFIC_JAM], first: 20) { nodes { id status segmentId detectedAt resolvedAt description sourceCameraIds
                  timeline { status actor } } } }
                """)).GetProperty("incidents").GetProperty("nodes").EnumerateArray()
                .Where(n => n.GetProperty("segmentId").GetString() == Segment).ToList();
            if (nodes.Count > 0) last = nodes[0];
            if (nodes.Count == 1 && match(nodes[0])) return nodes[0];
            Assert.True(nodes.Count <= 1, $"one jam expected on {Segment}, found {nodes.Count}");
        }
        Assert.Fail($"no matching jam on {Segment}; last seen {last}");
        return default;
    }
}
