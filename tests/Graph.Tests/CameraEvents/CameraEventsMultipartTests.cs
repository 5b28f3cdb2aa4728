using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CityTwin.Graph.Tests.Incidents;
using CityTwin.Twin.CameraEvents;

namespace CityTwin.Graph.Tests.CameraEvents;

/// <summary>
/// <c>POST /camera-events</c> as <c>multipart/form-data</c> on the product's host: a <c>batch</c> part with the JSON and
/// one JPEG part per snapshot. A good one is stored and served to operators only; an oversized, corrupt or missing part
/// refuses the whole batch with the event's code, nothing recorded; a malformed request is a 400 or 413, counted.
/// </summary>
[Collection(IncidentCollection.Name)]
public sealed class CameraEventsMultipartTests(IncidentHost host)
{
    private const string Tower = "cam-tth-ptz-01";

    /// <summary>SOI, a frame header and EOI, nothing to decode: it passes a marker check, not a decoder.</summary>
    private static readonly byte[] HeaderOnlyJpeg =
        [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x20, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xFF, 0xD9];

    private static object Event(DateTimeOffset at, string key, string? part, string kind = "fire") =>
        new { cameraId = Tower, kind, observedAt = at, confidence = 0.9, idempotencyKey = key, snapshotPart = part };

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(object? batch, params (string Name, byte[] Bytes)[] parts)
    {
        using var content = new MultipartFormDataContent();
        if (batch is not null)
            content.Add(new StringContent(JsonSerializer.Serialize(batch, new JsonSerializerOptions(JsonSerializerDefaults.Web)), System.Text.Encoding.UTF8, "application/json"), "batch");
        foreach (var (name, bytes) in parts)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(file, name, name + ".jpg");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, "/camera-events") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", IncidentHost.OperatorKey);
        using var response = await host.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task Multipart_JpegPart_RecordedAndServedToOperatorsOnly()
    {
        var jpeg = TestJpeg.Make(320, 240);
        var key = $"mp-ok-{Guid.NewGuid():N}"[..30];

        var (status, body) = await PostAsync(new { events = new[] { Event(host.Clock.GetUtcNow().AddSeconds(-2), key, "snap") } }, ("snap", jpeg));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body.GetProperty("recorded").GetInt32());
        var id = body.GetProperty("incidentIds")[0].GetString();
        var incident = (await host.GraphQLAsync($$"""{ incident(id: "{{id}}") { snapshotUrl } }""")).GetProperty("incident");
        var url = incident.GetProperty("snapshotUrl").GetString()!;
        var served = await host.GetAsync(url);
        Assert.Equal((HttpStatusCode.OK, "image/jpeg"), (served.Status, served.MediaType));
        Assert.Equal(jpeg, served.Body);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.GetAsync(url, IncidentHost.PlannerKey)).Status);
    }

    [Theory]
    [InlineData("oversized", "SNAPSHOT_TOO_LARGE")]
    [InlineData("truncated", "BAD_SNAPSHOT")]
    [InlineData("header-only", "BAD_SNAPSHOT")]
    [InlineData("not-jpeg", "BAD_SNAPSHOT")]
    [InlineData("missing-part", "BAD_SNAPSHOT")]
    public async Task Multipart_OneBadSnapshotPart_400WithItsCodeAndNothingRecorded(string fault, string code)
    {
        var key = $"mp-{fault}-{Guid.NewGuid():N}"[..32];
        var now = host.Clock.GetUtcNow();
        var good = TestJpeg.Make();
        byte[]? bad = fault switch
        {
            "oversized" => [.. good, .. new byte[CameraEventLimits.MaxSnapshotBytes]],
            "truncated" => good[..(good.Length / 2)],
            "header-only" => HeaderOnlyJpeg,
            "not-jpeg" => "GIF89a not a jpeg at all"u8.ToArray(),
            "missing-part" => null,
            _ => throw new ArgumentOutOfRangeException(nameof(fault)),
        };
        var batch = new { events = new[] { Event(now, key + "-ok", "good"), Event(now, key, "bad") } };

        var (status, body) = bad is null ? await PostAsync(batch, ("good", good)) : await PostAsync(batch, ("good", good), ("bad", bad));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal((1, code), (error.GetProperty("index").GetInt32(), error.GetProperty("code").GetString()));
        Assert.Equal(0L, await host.Database.ScalarAsync($"SELECT count(*) FROM camera_events WHERE id LIKE '{Tower}:{key}%'"));
    }

    [Fact]
    public async Task Refusals_RequestAndEventLevel_CountedInMetricsByCode()
    {
        var refused = new System.Collections.Concurrent.ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CameraEventMetrics.MeterName && instrument.Name == "citytwin.camera_events.refused") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == "code" && tag.Value is string code) refused.AddOrUpdate(code, value, (_, sum) => sum + value);
        });
        listener.Start();

        var (noBatch, noBatchBody) = await PostAsync(null, ("snap", TestJpeg.Make()));
        var (stray, strayBody) = await PostAsync(new { events = new[] { Event(host.Clock.GetUtcNow(), $"mp-stray-{Guid.NewGuid():N}"[..30], null) } },
            ("unnamed", TestJpeg.Make()));
        var (future, _) = await PostAsync(new { events = new[] { Event(host.Clock.GetUtcNow().AddHours(1), $"mp-future-{Guid.NewGuid():N}"[..30], null) } });

        Assert.Equal((HttpStatusCode.BadRequest, "BAD_MULTIPART"), (noBatch, noBatchBody.GetProperty("errors")[0].GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, "BAD_MULTIPART"), (stray, strayBody.GetProperty("errors")[0].GetProperty("code").GetString()));
        Assert.Contains("unnamed", strayBody.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, future);
        // The meter is process-wide: other tests may add to it, never take away.
        Assert.True(refused.GetValueOrDefault("BAD_MULTIPART") >= 2, $"BAD_MULTIPART counted {refused.GetValueOrDefault("BAD_MULTIPART")} times");
        Assert.True(refused.GetValueOrDefault("FUTURE_EVENT") >= 1, "FUTURE_EVENT not counted");
    }

    [Fact]
    public async Task Multipart_BodyOverTheLimit_413Unread()
    {
        var parts = Enumerable.Range(0, 10).Select(i => ($"p{i}", new byte[500 * 1024])).ToArray();
        var (status, body) = await PostAsync(new { events = Array.Empty<object>() }, parts);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("REQUEST_TOO_LARGE", body.GetProperty("errors")[0].GetProperty("code").GetString());
    }
}
