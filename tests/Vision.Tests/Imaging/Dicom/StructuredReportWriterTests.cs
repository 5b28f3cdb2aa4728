using CityTwin.Testing;
using CityTwin.Vision.Imaging.Dicom;
using CityTwin.Vision.Imaging.Dicom.Writing;
using CityTwin.Vision.Tests.Imaging.Network;
using CityTwin.Vision.Tests.Imaging.Receiving;

namespace CityTwin.Vision.Tests.Imaging.Dicom;

/// <summary>The AI report as DICOM: dcmtk's SR reader must read it, with the findings, scores, model and flag.</summary>
public sealed class StructuredReportWriterTests
{
    [SkippableFact]
    public async Task Write_ReadingOfTheChestXray_DsrdumpReadsFindingsScoresModelAndFlag()
    {
        Skip.IfNot(Dcmtk.Installed, Dcmtk.Missing);
        Skip.If(ChestXRay.File is null, SharedData.Missing);
        ScuFiles.FromPart10(ChestXRay.File!, out var image);
        var (instance, report) = ScuFiles.Report(image);
        var path = Path.Combine(Directory.CreateTempSubdirectory("citytwin-sr-").FullName, "report.dcm");
        await File.WriteAllBytesAsync(path, [.. Part10Writer.Meta(instance.SopClassUid, instance.SopInstanceUid, instance.TransferSyntaxUid, ""), .. instance.DataSet.Span]);

        var dump = await Dcmtk.RunAsync("dsrdump", "+Pl", path);

        Assert.True(dump.ExitCode == 0, dump.Output);
        Assert.DoesNotContain("Error", dump.Output, StringComparison.OrdinalIgnoreCase);
        Assert.True(dump.Output.Contains("Comprehensive SR", StringComparison.Ordinal), dump.Output);
        Assert.True(dump.Output.Contains("citytwin-test-model", StringComparison.Ordinal), dump.Output);
        Assert.True(dump.Output.Contains("citytwin-test-1", StringComparison.Ordinal), dump.Output);
        Assert.True(dump.Output.Contains(StructuredReportWriter.NotForClinicalUse, StringComparison.Ordinal), dump.Output);
        Assert.True(dump.Output.Contains("Pneumothorax", StringComparison.Ordinal), dump.Output);
        Assert.True(dump.Output.Contains("0.91", StringComparison.Ordinal), dump.Output);
        var header = DicomReader.ReadPart10(await File.ReadAllBytesAsync(path), 1 << 20).Header!;
        Assert.Equal((report.StudyInstanceUid, StructuredReportWriter.ComprehensiveSr), (header.StudyInstanceUid, header.SopClassUid));
        var patient = (await Dcmtk.DumpAsync(path, "0010,0020"))!;
        Assert.Equal(image.Attributes.GetValueOrDefault(0x0010_0020u) ?? "", patient.GetValueOrDefault("0010,0020") ?? "");
    }

    [Fact]
    public void SopInstanceUid_SameStudyAndModelVersion_SameUidSoAResendIsNoDuplicate()
    {
        var first = StructuredReportWriter.SopInstanceUid("1.2.3.4", "v1");
        Assert.Equal(first, StructuredReportWriter.SopInstanceUid("1.2.3.4", "v1"));
        Assert.NotEqual(first, StructuredReportWriter.SopInstanceUid("1.2.3.4", "v2"));
        Assert.StartsWith("2.25.", first);
        Assert.True(first.Length <= 64);
    }
}
