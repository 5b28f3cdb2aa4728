using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CityTwin.Testing;
using CityTwin.Twin.Clinics.Imaging;
using CityTwin.Vision.Imaging.Dicom;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CityTwin.Graph.Tests.DicomWeb;

/// <summary>STOW-RS through real Kestrel: the Store Instances Response and every refusal status.</summary>
public sealed class StowRsTests(StowRsHost host, ITestOutputHelper output) : IClassFixture<StowRsHost>
{
    private const string ChestXRayUid = "1.3.6.1.4.1.11129.5.5.110503645592756492463169821050252582267888";
    private const int CannotUnderstand = 0xC000;

    [SkippableFact]
    public async Task Store_ChestXRay_200WithReferencedSopAndRetrieveUrl()
    {
        if (SharedData.File("data", "dicom", "nih_chest_xray_nccid", ChestXRayUid + ".dcm") is not { } file) throw new SkipException(SharedData.Missing);
        using var client = host.Client(StowRsHost.ClinicKey);
        using var response = await client.PostAsync("studies", Multipart(await File.ReadAllBytesAsync(file)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/dicom+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var referenced = Assert.Single(json.RootElement.GetProperty("00081199").GetProperty("Value").EnumerateArray());
        Assert.Equal(ChestXRayUid, Value(referenced, "00081155"));
        Assert.Contains($"/instances/{ChestXRayUid}", Value(referenced, "00081190"));
        Assert.False(json.RootElement.TryGetProperty("00081198", out _));
        var row = await RowAsync(ChestXRayUid);
        Assert.NotNull(row);
        Assert.Equal("stow-rs", row.Source);
        Assert.Equal(StowRsHost.ClinicId, row.ClinicId);
        Assert.EndsWith($"/dicomweb/studies/{row.StudyInstanceUid}", Value(json.RootElement, "00081190"));
    }

    [Fact]
    public async Task Store_MixOfGoodAndBad_202WithFailedSopSequence()
    {
        var good = DicomTestDataSet.NewUid();
        var truncated = DicomTestDataSet.NewUid();
        using var client = host.Client(StowRsHost.ClinicKey);
        using var response = await client.PostAsync("studies", Multipart(
            Instance(good),
            Part10(truncated, DicomTestDataSet.Create(truncated, 100, declaredPixelBytes: 5000)),
            "not dicom at all"u8.ToArray()));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(good, Value(Assert.Single(json.RootElement.GetProperty("00081199").GetProperty("Value").EnumerateArray()), "00081155"));
        var failed = json.RootElement.GetProperty("00081198").GetProperty("Value").EnumerateArray().ToList();
        Assert.Equal(2, failed.Count);
        Assert.All(failed, f => Assert.Equal(CannotUnderstand, f.GetProperty("00081197").GetProperty("Value")[0].GetInt32()));
        Assert.Contains(failed, f => f.TryGetProperty("00081155", out var uid) && uid.GetProperty("Value")[0].GetString() == truncated);
        Assert.NotNull(await RowAsync(good));
        Assert.Null(await RowAsync(truncated));
    }

    [Fact]
    public async Task Store_NothingStorable_409()
    {
        using var client = host.Client(StowRsHost.ClinicKey);
        using var response = await client.PostAsync("studies", Multipart("garbage"u8.ToArray()));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Single(json.RootElement.GetProperty("00081198").GetProperty("Value").EnumerateArray());
    }

    [Fact]
    public async Task Store_InstanceOfAnotherStudy_409WithMismatchReason()
    {
        var uid = DicomTestDataSet.NewUid();
        using var client = host.Client(StowRsHost.ClinicKey);
        using var response = await client.PostAsync("studies/1.2.3.999", Multipart(Instance(uid)));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var failed = Assert.Single(json.RootElement.GetProperty("00081198").GetProperty("Value").EnumerateArray());
        Assert.Equal(0xA900, failed.GetProperty("00081197").GetProperty("Value")[0].GetInt32());
        Assert.Null(await RowAsync(uid));
    }

    [Fact]
    public async Task Store_OperatorNamingTheClinic_200()
    {
        var uid = DicomTestDataSet.NewUid();
        using var client = host.Client(StowRsHost.OperatorKey);
        using var response = await client.PostAsync($"studies?clinic={StowRsHost.ClinicId}", Multipart(Instance(uid)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StowRsHost.ClinicId, (await RowAsync(uid))!.ClinicId);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("not-a-key", HttpStatusCode.Unauthorized)]
    [InlineData(StowRsHost.PlannerKey, HttpStatusCode.Forbidden)]
    [InlineData(StowRsHost.OperatorKey, HttpStatusCode.BadRequest)] // an operator without ?clinic=
    public async Task Store_KeyNotAllowed_Refused(string? key, HttpStatusCode expected)
    {
        var uid = DicomTestDataSet.NewUid();
        using var client = host.Client(key);
        using var response = await client.PostAsync("studies", Multipart(Instance(uid)));
        Assert.Equal(expected, response.StatusCode);
        Assert.Null(await RowAsync(uid));
    }

    [Fact]
    public async Task Store_WrongMediaType_415()
    {
        var uid = DicomTestDataSet.NewUid();
        using var client = host.Client(StowRsHost.ClinicKey);
        using var single = new ByteArrayContent(Instance(uid));
        single.Headers.ContentType = new MediaTypeHeaderValue("application/dicom");
        using (var response = await client.PostAsync("studies", single)) Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var json = Multipart(Instance(uid));
        json.Headers.ContentType!.Parameters.Single(p => p.Name == "type").Value = "\"application/dicom+json\"";
        using (var response = await client.PostAsync("studies", json)) Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Null(await RowAsync(uid));
    }

    [Fact]
    public async Task Store_BodyWithoutItsBoundary_400()
    {
        using var client = host.Client(StowRsHost.ClinicKey);
        using var body = new ByteArrayContent("no parts here, and no closing boundary either"u8.ToArray());
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/related; type=\"application/dicom\"; boundary=\"b0undary\"");
        using var response = await client.PostAsync("studies", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Store_InstanceOverTheLimit_413AndNothingStored()
    {
        var uid = DicomTestDataSet.NewUid();
        using var client = host.Client(StowRsHost.ClinicKey);
        using var response = await client.PostAsync("studies", Multipart(Part10(uid, DicomTestDataSet.Create(uid, (int)StowRsHost.MaxInstanceBytes + 1000))));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Null(await RowAsync(uid));
    }

    [Fact]
    public async Task Store_RequestOverTheLimit_413()
    {
        var parts = Enumerable.Range(0, 4).Select(_ => DicomTestDataSet.NewUid()).Select(uid => Part10(uid, DicomTestDataSet.Create(uid, 1_100_000))).ToArray();
        using var client = host.Client(StowRsHost.ClinicKey);
        using var response = await client.PostAsync("studies", Multipart(parts));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [SkippableFact]
    public async Task Store_EverySharedPart10File_StoredOrRefusedWithReason()
    {
        if (SharedData.Root is not { } root) throw new SkipException(SharedData.Missing);
        using var client = host.Client(StowRsHost.ClinicKey);
        var stored = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "data", "dicom"), "*", SearchOption.AllDirectories).Order())
        {
            var bytes = await File.ReadAllBytesAsync(file);
            if (bytes.Length > StowRsHost.MaxInstanceBytes) continue;
            using var response = await client.PostAsync("studies", Multipart(bytes));
            var body = await response.Content.ReadAsStringAsync();
            output.WriteLine($"{Path.GetFileName(file)}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 160)]}");
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{file}: {response.StatusCode} {body}");
            using var json = JsonDocument.Parse(body);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var uid = Value(Assert.Single(json.RootElement.GetProperty("00081199").GetProperty("Value").EnumerateArray()), "00081155");
                Assert.NotNull(await RowAsync(uid!));
                stored++;
            }
            else
            {
                var failed = Assert.Single(json.RootElement.GetProperty("00081198").GetProperty("Value").EnumerateArray());
                Assert.True(failed.GetProperty("00081197").GetProperty("Value")[0].GetInt32() > 0);
            }
        }
        // The Secondary Capture and CR files with study and series UIDs (about 40 in the shared set) are stored.
        Assert.True(stored >= 30, $"only {stored} files stored");
    }

    private static byte[] Instance(string uid) => Part10(uid, DicomTestDataSet.Create(uid, 2000));

    private static byte[] Part10(string uid, byte[] dataSet) =>
        [.. Part10Writer.Meta(DicomTestDataSet.SecondaryCapture, uid, TransferSyntax.ImplicitVrLittleEndian.Uid, "STOWTEST"), .. dataSet];

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

    private static string? Value(JsonElement element, string tag) => element.GetProperty(tag).GetProperty("Value")[0].GetString();

    private async Task<ImagingInstanceRow?> RowAsync(string uid)
    {
        await using var context = host.Database.CreateContext();
        return await context.Set<ImagingInstanceRow>().AsNoTracking().FirstOrDefaultAsync(r => r.SopInstanceUid == uid);
    }
}
