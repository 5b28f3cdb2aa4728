using System.Net;
using System.Text;
using System.Text.Json;
using CityTwin.Testing;
using CityTwin.Twin.Clinics;
using CityTwin.Vision.Imaging.Dicom;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Graph.Tests.DicomWeb;

/// <summary>
/// The station linked to a real PACS, through the host as the product starts it: a chest X-ray sent with dcmtk storescu
/// is forwarded to Orthanc with the SR of its reading, the clinic sees FORWARDED in GraphQL, and Orthanc's own DICOMweb
/// client finds and retrieves the study from CityTwin (QIDO-RS, WADO-RS). Bad queries get 400, other clinics 404.
/// </summary>
[Collection(PacsHostCollection.Name)]
public sealed class PacsLinkTests(PacsHost host)
{
    private const string ChestXrayUid = "1.3.6.1.4.1.11129.5.5.110503645592756492463169821050252582267888";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private static string? ChestXray => SharedData.File("data", "dicom", "nih_chest_xray_nccid", ChestXrayUid + ".dcm");

    [SkippableFact]
    public async Task Host_ChestXrayStoredAndRead_ImageAndReportInOrthancAndForwardedInGraphQL()
    {
        var header = await StoredChestXrayAsync();
        await host.Services.GetRequiredService<IGrainFactory>().GetGrain<IClinicGrain>(PacsHost.ClinicId).RecordAiResultAsync(
            new ImagingResult(header.StudyInstanceUid, true, TimeSpan.FromMilliseconds(400))
            {
                SopInstanceUid = header.SopInstanceUid,
                PseudonymisedPatientId = "pseudonym",
                ReceivedAt = DateTimeOffset.UtcNow.AddSeconds(-1),
                AnalysedAt = DateTimeOffset.UtcNow,
                Findings = [new ImagingFinding("Effusion", 0.7f)],
                ModelVersion = "pacs-test-1",
            });

        Assert.NotNull(await host.Orthanc.WaitForInstanceAsync(header.SopInstanceUid, Wait));
        JsonElement study = default;
        for (var deadline = DateTime.UtcNow + Wait; DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            var data = await host.GraphQLAsync(PacsHost.ClinicKey, """
                query($id: ID!) { clinic(id: $id) { studies(first: 10) { nodes {
                  studyInstanceUid sopInstanceUid seriesInstanceUid forwarding { state attempts lastError forwardedAt } } } } }
                """, new { id = PacsHost.ClinicId });
            study = data.GetProperty("clinic").GetProperty("studies").GetProperty("nodes").EnumerateArray()
                .First(s => s.GetProperty("studyInstanceUid").GetString() == header.StudyInstanceUid);
            if (study.GetProperty("forwarding").GetProperty("state").GetString() == "FORWARDED") break;
        }
        var forwarding = study.GetProperty("forwarding");
        Assert.Equal("FORWARDED", forwarding.GetProperty("state").GetString());
        Assert.Equal(1, forwarding.GetProperty("attempts").GetInt32());
        Assert.Equal(JsonValueKind.Null, forwarding.GetProperty("lastError").ValueKind);
        Assert.Equal(header.SeriesInstanceUid, study.GetProperty("seriesInstanceUid").GetString());
        // The report's forward row is written when the reading is recorded, on its own path: the study can read
        // FORWARDED (every row so far sent) a moment before that row exists, so wait for the report in Orthanc.
        var reports = 0;
        for (var deadline = DateTime.UtcNow + Wait; DateTime.UtcNow < deadline && reports == 0; await Task.Delay(200))
        {
            using var find = await host.Orthanc.Http.PostAsync("tools/find", Json($$$"""{"Level":"Series","Query":{"StudyInstanceUID":"{{{header.StudyInstanceUid}}}","Modality":"SR"}}"""));
            reports = JsonDocument.Parse(await find.Content.ReadAsStringAsync()).RootElement.GetArrayLength();
        }
        Assert.Equal(1, reports);
    }

    [SkippableFact]
    public async Task OrthancDicomWebClient_CityTwinAsRemoteServer_FindsAndRetrievesTheStudy()
    {
        var header = await StoredChestXrayAsync();
        // Orthanc may hold the study already (forwarded): delete it so only a WADO-RS retrieval can bring it back.
        if (await host.Orthanc.WaitForInstanceAsync(header.SopInstanceUid, Wait) is { } forwarded)
        {
            var studyId = (await host.Orthanc.GetJsonAsync($"instances/{forwarded}/study")).GetProperty("ID").GetString();
            (await host.Orthanc.Http.DeleteAsync($"studies/{studyId}")).EnsureSuccessStatusCode();
        }
        Assert.Null(await host.Orthanc.FindInstanceAsync(header.SopInstanceUid));

        using var qido = await host.Orthanc.Http.PostAsync("dicom-web/servers/citytwin/qido",
            Json($$$"""{"Uri":"/studies","Arguments":{"StudyInstanceUID":"{{{header.StudyInstanceUid}}}"}}"""));
        var found = await qido.Content.ReadAsStringAsync();
        Assert.True(qido.IsSuccessStatusCode, found);
        Assert.Contains(header.StudyInstanceUid, found);
        using var retrieve = await host.Orthanc.Http.PostAsync("dicom-web/servers/citytwin/retrieve",
            Json($$$"""{"Resources":[{"Study":"{{{header.StudyInstanceUid}}}"}]}"""));
        Assert.True(retrieve.IsSuccessStatusCode, await retrieve.Content.ReadAsStringAsync());

        Assert.NotNull(await host.Orthanc.WaitForInstanceAsync(header.SopInstanceUid, Wait));
    }

    [SkippableFact]
    public async Task DicomWeb_BadQueriesAndOtherClinics_400And404WhileTheOwnerRetrieves()
    {
        var header = await StoredChestXrayAsync();
        using var owner = host.Client(PacsHost.ClinicKey);
        using var other = host.Client(PacsHost.OtherClinicKey);
        var instancePath = $"/dicomweb/studies/{header.StudyInstanceUid}/series/{header.SeriesInstanceUid}/instances/{header.SopInstanceUid}";

        using (var unknown = await owner.GetAsync("/dicomweb/studies?FavouriteColour=red"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Contains("unknown or unsupported query attribute 'FavouriteColour'", await unknown.Content.ReadAsStringAsync());
        }
        using (var notIndexed = await owner.GetAsync("/dicomweb/studies?PatientName=NGUYEN"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, notIndexed.StatusCode);
            Assert.Contains("'PatientName' is not indexed here", await notIndexed.Content.ReadAsStringAsync());
        }
        using (var malformed = await owner.GetAsync("/dicomweb/studies?StudyInstanceUID=1.2.abc"))
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        using (var badLimit = await owner.GetAsync("/dicomweb/studies?limit=-1"))
            Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        using (var seen = await owner.GetAsync($"/dicomweb/studies?StudyInstanceUID={header.StudyInstanceUid}"))
            Assert.Contains(header.StudyInstanceUid, await seen.Content.ReadAsStringAsync());
        using (var hidden = await other.GetAsync($"/dicomweb/studies?StudyInstanceUID={header.StudyInstanceUid}"))
            Assert.Equal("[]", await hidden.Content.ReadAsStringAsync());
        foreach (var path in new[] { $"/dicomweb/studies/{header.StudyInstanceUid}", instancePath, instancePath + "/metadata", instancePath + "/rendered" })
        {
            using var denied = await other.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        }

        using var retrieved = await owner.GetAsync(instancePath);
        Assert.Equal(HttpStatusCode.OK, retrieved.StatusCode);
        Assert.Equal("multipart/related", retrieved.Content.Headers.ContentType?.MediaType);
        var body = await retrieved.Content.ReadAsByteArrayAsync();
        // The part is the stored Part 10 file (the data set as storescu sent it, under File Meta naming the sender).
        var part = DicomReader.ReadPart10(Part(body, retrieved.Content.Headers.ContentType!.Parameters.First(p => p.Name == "boundary").Value!), 1 << 26).Header!;
        Assert.Equal((header.StudyInstanceUid, header.SeriesInstanceUid, header.SopInstanceUid, true),
            (part.StudyInstanceUid, part.SeriesInstanceUid, part.SopInstanceUid, part.HasPixelData));
        using var rendered = await owner.GetAsync(instancePath + "/rendered");
        Assert.Equal("image/jpeg", rendered.Content.Headers.ContentType?.MediaType);
        var jpeg = await rendered.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xFF, 0xD8], jpeg[..2]);
        using var metadata = await owner.GetAsync(instancePath + "/metadata");
        var attributes = JsonDocument.Parse(await metadata.Content.ReadAsStringAsync()).RootElement[0];
        Assert.Equal(header.SopInstanceUid, attributes.GetProperty("00080018").GetProperty("Value")[0].GetString());
    }

    [SkippableFact]
    public async Task WadoMetadata_StoredChestXray_EveryAttributeWithPixelDataAsBulkDataUri()
    {
        var header = await StoredChestXrayAsync();
        using var owner = host.Client(PacsHost.ClinicKey);
        var instancePath = $"/dicomweb/studies/{header.StudyInstanceUid}/series/{header.SeriesInstanceUid}/instances/{header.SopInstanceUid}";

        using var metadata = await owner.GetAsync(instancePath + "/metadata");
        var text = await metadata.Content.ReadAsStringAsync();
        Assert.True(metadata.StatusCode == HttpStatusCode.OK, text);
        var attributes = JsonDocument.Parse(text).RootElement[0];

        Assert.Equal(1024, attributes.GetProperty("00280010").GetProperty("Value")[0].GetInt32());
        Assert.Equal("MONOCHROME2", attributes.GetProperty("00280004").GetProperty("Value")[0].GetString());
        Assert.Equal("DX", attributes.GetProperty("00080060").GetProperty("Value")[0].GetString());
        // What is stored is the de-identified form: the pseudonym, the removal marked, no name, no study description.
        Assert.False(attributes.TryGetProperty("00081030", out var description) && description.TryGetProperty("Value", out _));
        Assert.NotEqual(header.PatientId, attributes.GetProperty("00100020").GetProperty("Value")[0].GetString());
        Assert.Equal("YES", attributes.GetProperty("00120062").GetProperty("Value")[0].GetString());
        Assert.False(attributes.TryGetProperty("00100010", out var name) && name.TryGetProperty("Value", out _));
        var tags = attributes.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(tags.Order(StringComparer.Ordinal), tags);
        var bulk = attributes.GetProperty("7FE00010").GetProperty("BulkDataURI").GetString()!;
        Assert.EndsWith(instancePath + "/bulkdata/7FE00010", bulk, StringComparison.Ordinal);

        using var pixels = await owner.GetAsync(new Uri(bulk).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, pixels.StatusCode);
        Assert.Equal("multipart/related", pixels.Content.Headers.ContentType?.MediaType);
        var part = Part(await pixels.Content.ReadAsByteArrayAsync(), pixels.Content.Headers.ContentType!.Parameters.First(p => p.Name == "boundary").Value!);
        Assert.Equal(1024 * 1024, part.Length);
        using var other = host.Client(PacsHost.OtherClinicKey);
        using var denied = await other.GetAsync(new Uri(bulk).PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        using var badTag = await owner.GetAsync(instancePath + "/bulkdata/7FE0");
        Assert.Equal(HttpStatusCode.BadRequest, badTag.StatusCode);
    }

    [SkippableFact]
    public async Task WadoRendered_SameInstanceTwice_SecondFromTheCacheWithTheSameBytes()
    {
        var header = await StoredChestXrayAsync();
        using var owner = host.Client(PacsHost.ClinicKey);
        var cache = host.Services.GetRequiredService<CityTwin.Vision.Imaging.Rendering.JpegRenderer>().Cache;
        // A quality no other test asks for, so this test's entries are its own.
        var path = $"/dicomweb/studies/{header.StudyInstanceUid}/series/{header.SeriesInstanceUid}/instances/{header.SopInstanceUid}/rendered?quality=37";
        var before = cache.Count;

        var first = await owner.GetByteArrayAsync(path);
        Assert.Equal(before + 1, cache.Count);
        var second = await owner.GetByteArrayAsync(path);

        Assert.Equal(before + 1, cache.Count);
        Assert.Equal(first, second);
        Assert.Equal([0xFF, 0xD8], first[..2]);
        using var other = host.Client(PacsHost.OtherClinicKey);
        using var denied = await other.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
    }

    [SkippableFact]
    public async Task Qido_PatientIdPatternsAndPaging_MatchThePseudonymOnly()
    {
        var header = await StoredChestXrayAsync();
        using var owner = host.Client(PacsHost.ClinicKey);
        async Task<JsonElement> SearchAsync(string query)
        {
            using var response = await owner.GetAsync($"/dicomweb/studies?{query}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            return JsonDocument.Parse(body).RootElement;
        }
        static bool Holds(JsonElement results, string study) =>
            results.EnumerateArray().Any(r => r.GetProperty("0020000D").GetProperty("Value")[0].GetString() == study);

        var byUid = await SearchAsync($"StudyInstanceUID={header.StudyInstanceUid}&includefield=PatientID");
        var pseudonym = byUid[0].GetProperty("00100020").GetProperty("Value")[0].GetString()!;
        Assert.NotEqual(header.PatientId, pseudonym);

        Assert.True(Holds(await SearchAsync($"PatientID={Uri.EscapeDataString(pseudonym)}"), header.StudyInstanceUid));
        Assert.True(Holds(await SearchAsync($"PatientID={Uri.EscapeDataString(pseudonym[..4])}*"), header.StudyInstanceUid));
        Assert.True(Holds(await SearchAsync($"00100020=?{Uri.EscapeDataString(pseudonym[1..])}&limit=5&offset=0"), header.StudyInstanceUid));
        Assert.False(Holds(await SearchAsync($"PatientID=NOT-{Uri.EscapeDataString(pseudonym[..4])}*"), header.StudyInstanceUid));
        if (!string.IsNullOrEmpty(header.PatientId))
            Assert.False(Holds(await SearchAsync($"PatientID={Uri.EscapeDataString(header.PatientId)}"), header.StudyInstanceUid));
        Assert.Equal(0, (await SearchAsync($"StudyInstanceUID={header.StudyInstanceUid}&offset=1")).GetArrayLength());

        using (var notIndexed = await owner.GetAsync("/dicomweb/studies?StudyDate=20200101-20201231"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, notIndexed.StatusCode);
            Assert.Contains("'StudyDate' is not indexed here", await notIndexed.Content.ReadAsStringAsync());
        }
        using (var multiple = await owner.GetAsync("/dicomweb/studies?PatientID=a%5Cb"))
            Assert.Equal(HttpStatusCode.BadRequest, multiple.StatusCode);
    }

    /// <summary>The chest X-ray, sent once through the host's SCP (a second send is acknowledged and changes nothing).</summary>
    private async Task<DicomHeader> StoredChestXrayAsync()
    {
        Skip.IfNot(PacsHost.Available, OrthancServer.Missing + " / dcmtk");
        Skip.If(ChestXray is null, SharedData.Missing);
        await host.StoreAsync(ChestXray!);
        return DicomReader.ReadPart10(await File.ReadAllBytesAsync(ChestXray!), 1 << 26).Header!;
    }

    /// <summary>The bytes of the single part of a multipart body.</summary>
    private static byte[] Part(byte[] body, string boundary)
    {
        var text = Encoding.Latin1.GetString(body);
        var start = text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
        var end = text.IndexOf($"\r\n--{boundary.Trim('"')}--", StringComparison.Ordinal);
        return body[start..end];
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
