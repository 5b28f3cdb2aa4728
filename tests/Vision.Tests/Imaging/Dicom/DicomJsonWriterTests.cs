using System.Text.Json;
using CityTwin.Testing;
using CityTwin.Vision.Imaging.Dicom;
using CityTwin.Vision.Imaging.Dicom.Json;
using CityTwin.Vision.Tests.Imaging.Network;
using CityTwin.Vision.Tests.Imaging.Receiving;

namespace CityTwin.Vision.Tests.Imaging.Dicom;

/// <summary>
/// WADO-RS metadata as DICOM JSON, checked against dcmtk's own <c>dcm2json</c> on the same files: the real NIH chest
/// X-ray (implicit VR, so every VR comes from the dictionary) and an AI report SR (explicit VR, nested sequences).
/// </summary>
public sealed class DicomJsonWriterTests
{
    private const string Base = "http://127.0.0.1/dicomweb/studies/1/series/2/instances/3/bulkdata";

    private static bool Dcm2JsonInstalled => File.Exists("/usr/bin/dcm2json");

    [SkippableFact]
    public async Task FromPart10_NihChestXray_EveryAttributeAsDcm2JsonReadsItAndPixelDataAsBulkData()
    {
        Skip.IfNot(Dcm2JsonInstalled, Dcmtk.Missing);
        Skip.If(ChestXRay.File is null, SharedData.Missing);
        var file = await File.ReadAllBytesAsync(ChestXRay.File!);

        var ours = JsonDocument.Parse(DicomJsonWriter.FromPart10(file, Base, 1 << 26).ToJsonString()).RootElement;

        var expected = await Dcm2JsonAsync(ChestXRay.File!);
        AssertSameAttributes(expected, ours);
        var pixels = ours.GetProperty("7FE00010");
        Assert.Equal("OW", pixels.GetProperty("vr").GetString());
        Assert.Equal($"{Base}/7FE00010", pixels.GetProperty("BulkDataURI").GetString());
        Assert.False(pixels.TryGetProperty("InlineBinary", out _));
        var bulk = BulkData.Of(file, DicomTags.PixelData, 1 << 26);
        Assert.NotNull(bulk);
        Assert.Equal(1024 * 1024, bulk.Value.Length);
        Assert.True(bulk.Value.Span.SequenceEqual(file.AsSpan(file.Length - 1024 * 1024)));
        Assert.Null(BulkData.Of(file, 0x0009_1001, 1 << 26));
    }

    [SkippableFact]
    public async Task FromPart10_AiReportSr_NestedSequencesAsDcm2JsonReadsThem()
    {
        Skip.IfNot(Dcm2JsonInstalled, Dcmtk.Missing);
        Skip.If(ChestXRay.File is null, SharedData.Missing);
        ScuFiles.FromPart10(ChestXRay.File!, out var image);
        var (instance, _) = ScuFiles.Report(image);
        var path = Path.Combine(Directory.CreateTempSubdirectory("citytwin-json-").FullName, "report.dcm");
        byte[] file = [.. Part10Writer.Meta(instance.SopClassUid, instance.SopInstanceUid, instance.TransferSyntaxUid, ""), .. instance.DataSet.Span];
        await File.WriteAllBytesAsync(path, file);

        var ours = JsonDocument.Parse(DicomJsonWriter.FromPart10(file, Base, 1 << 26).ToJsonString()).RootElement;

        AssertSameAttributes(await Dcm2JsonAsync(path), ours);
        Assert.True(ours.GetProperty("0040A730").GetProperty("Value").GetArrayLength() > 0);
    }

    [Fact]
    public void FromPart10_TruncatedFile_ParseErrorNotACrash()
    {
        var file = new byte[132 + 20];
        "DICM"u8.CopyTo(file.AsSpan(128));
        Assert.Throws<DicomParseException>(() => DicomJsonWriter.FromPart10(file, Base, 1 << 20));
    }

    private static async Task<JsonElement> Dcm2JsonAsync(string path)
    {
        var result = await Dcmtk.RunAsync("dcm2json", "-q", path);
        Assert.True(result.ExitCode == 0, result.Output);
        return JsonDocument.Parse(result.Output).RootElement;
    }

    /// <summary>Same tags, VRs and values; binary values are compared by kind only (dcm2json inlines what we may link).</summary>
    private static void AssertSameAttributes(JsonElement expected, JsonElement actual, string path = "")
    {
        var expectedTags = expected.EnumerateObject().Select(p => p.Name).Where(t => !t.EndsWith("0000", StringComparison.Ordinal)).Order().ToList();
        Assert.Equal(expectedTags, actual.EnumerateObject().Select(p => p.Name).Order().ToList());
        foreach (var tag in expectedTags)
        {
            var (want, got) = (expected.GetProperty(tag), actual.GetProperty(tag));
            var where = $"{path}/{tag}";
            Assert.True(want.GetProperty("vr").GetString() == got.GetProperty("vr").GetString(), $"{where}: VR {got.GetProperty("vr")} not {want.GetProperty("vr")}");
            if (want.TryGetProperty("InlineBinary", out _) || want.TryGetProperty("BulkDataURI", out _))
            {
                Assert.True(got.TryGetProperty("InlineBinary", out _) || got.TryGetProperty("BulkDataURI", out _), $"{where}: binary value missing");
                continue;
            }
            if (!want.TryGetProperty("Value", out var wantValues))
            {
                Assert.False(got.TryGetProperty("Value", out _), $"{where}: a value where dcm2json has none");
                continue;
            }
            var gotValues = got.GetProperty("Value");
            Assert.True(wantValues.GetArrayLength() == gotValues.GetArrayLength(), $"{where}: {gotValues} not {wantValues}");
            foreach (var (w, g) in wantValues.EnumerateArray().Zip(gotValues.EnumerateArray()))
            {
                if (want.GetProperty("vr").GetString() == "SQ") AssertSameAttributes(w, g, where);
                else if (w.ValueKind == JsonValueKind.Number) Assert.True(w.GetDouble() == g.GetDouble(), $"{where}: {g} not {w}");
                else if (w.ValueKind == JsonValueKind.Object)
                    Assert.Equal(w.EnumerateObject().Select(p => (p.Name, p.Value.GetString())), g.EnumerateObject().Select(p => (p.Name, p.Value.GetString())));
                else Assert.True(w.ToString() == g.ToString(), $"{where}: {g} not {w}");
            }
        }
    }
}
