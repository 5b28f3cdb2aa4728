using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CityTwin.Testing;
using CityTwin.Twin.Clinics.Imaging;
using CityTwin.Vision.Imaging.Dicom;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Graph.Tests.DicomWeb;

/// <summary>STOW-RS limits per key and UIDs scoped per clinic, through real Kestrel on its own host.</summary>
public sealed class StowRsLimitsTests(RateLimitedStowRsHost host) : IClassFixture<RateLimitedStowRsHost>
{
    [Fact]
    public async Task Store_SameUidFromAnotherClinic_BothStoredEachForItsOwnClinic()
    {
        var uid = DicomTestDataSet.NewUid();
        using var first = host.Client(StowRsHost.ClinicKey);
        using var firstResponse = await first.PostAsync("studies", Multipart(Instance(uid)));
        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);

        // Another clinic sends other bytes under the same UID: it gets exactly what a fresh UID gets, and its own row.
        using var other = host.Client(StowRsHost.OtherClinicKey);
        using var squat = await other.PostAsync("studies", Multipart(Instance(uid)));
        var fresh = DicomTestDataSet.NewUid();
        using var freshResponse = await other.PostAsync("studies", Multipart(Instance(fresh)));
        Assert.Equal(freshResponse.StatusCode, squat.StatusCode);
        Assert.Equal(Shape(await freshResponse.Content.ReadAsStringAsync(), fresh), Shape(await squat.Content.ReadAsStringAsync(), uid));

        await using var context = host.Database.CreateContext();
        var rows = await context.Set<ImagingInstanceRow>().AsNoTracking().Where(r => r.SopInstanceUid == uid).ToListAsync();
        Assert.Equal(new[] { StowRsHost.ClinicId, StowRsHost.OtherClinicId }.Order(), rows.Select(r => r.ClinicId).Order());
        Assert.NotEqual(rows[0].Sha256, rows[1].Sha256);
    }

    [Fact]
    public async Task Store_OverThePerKeyRate_429WithReasonAndRetryAfter()
    {
        using var client = host.Client(StowRsHost.RateTestKey);
        // The bucket holds a minute's requests and refills as time passes, so a few more than that may pass.
        HttpResponseMessage? refused = null;
        var allowed = 0;
        for (var i = 0; i < host.RequestsPerMinutePerKey + 20 && refused is null; i++)
        {
            var response = await client.PostAsync("studies", Multipart("not dicom"u8.ToArray()));
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
            else
            {
                Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
                allowed++;
                response.Dispose();
            }
        }
        Assert.NotNull(refused);
        Assert.InRange(allowed, host.RequestsPerMinutePerKey, host.RequestsPerMinutePerKey + 19);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("a minute", await refused.Content.ReadAsStringAsync());
        refused.Dispose();

        // Another key of the same clinic has its own bucket.
        using var otherKey = host.Client(StowRsHost.ClinicKey);
        using var stillServed = await otherKey.PostAsync("studies", Multipart(Instance(DicomTestDataSet.NewUid())));
        Assert.Equal(HttpStatusCode.OK, stillServed.StatusCode);
    }

    [Fact]
    public async Task Store_ThirdConcurrentRequestOfOneKey_429UntilOneEnds()
    {
        using var client = host.Client(StowRsHost.OtherClinicKey);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var boundary = $"slow-{Guid.NewGuid():N}";
        var slow = Enumerable.Range(0, 2).Select(_ => client.PostAsync("studies", new HeldBody(boundary, Instance(DicomTestDataSet.NewUid()), release.Task))).ToList();
        try
        {
            HttpStatusCode status = HttpStatusCode.OK;
            string body = "";
            for (var attempt = 0; attempt < 40 && status != HttpStatusCode.TooManyRequests; attempt++)
            {
                await Task.Delay(250);
                using var probe = await client.PostAsync("studies", Multipart("not dicom"u8.ToArray()));
                status = probe.StatusCode;
                body = await probe.Content.ReadAsStringAsync();
            }
            Assert.Equal(HttpStatusCode.TooManyRequests, status);
            Assert.Contains("in progress", body);
        }
        finally
        {
            release.SetResult();
        }
        foreach (var request in slow)
        {
            using var response = await request;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        using var after = await client.PostAsync("studies", Multipart(Instance(DicomTestDataSet.NewUid())));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    /// <summary>The response with the UID taken out, to compare two responses' structure.</summary>
    private static string Shape(string json, string uid) => JsonDocument.Parse(json.Replace(uid, "UID", StringComparison.Ordinal)).RootElement
        .GetProperty("00081199").GetRawText();

    private static byte[] Instance(string uid) =>
        [.. Part10Writer.Meta(DicomTestDataSet.SecondaryCapture, uid, TransferSyntax.ImplicitVrLittleEndian.Uid, "STOWTEST"), .. DicomTestDataSet.Create(uid, 2000)];

    private static MultipartContent Multipart(params byte[][] parts)
    {
        var content = new MultipartContent("related", $"citytwin-{Guid.NewGuid():N}");
        content.Headers.ContentType!.Parameters.Add(new NameValueHeaderValue("type", "\"application/dicom\""));
        foreach (var part in parts)
        {
            var section = new ByteArrayContent(part);
            section.Headers.ContentType = new MediaTypeHeaderValue("application/dicom");
            content.Add(section);
        }
        return content;
    }

    /// <summary>A one-part multipart body whose part is held back until <paramref name="release"/> completes.</summary>
    private sealed class HeldBody : HttpContent
    {
        private readonly string boundary;
        private readonly byte[] part;
        private readonly Task release;

        public HeldBody(string boundary, byte[] part, Task release)
        {
            this.boundary = boundary;
            this.part = part;
            this.release = release;
            Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/related; type=\"application/dicom\"; boundary={boundary}");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Type: application/dicom\r\n\r\n"));
            await stream.FlushAsync();
            await release;
            await stream.WriteAsync(part);
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n"));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
