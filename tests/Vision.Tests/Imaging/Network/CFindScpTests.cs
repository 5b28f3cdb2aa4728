using CityTwin.Vision.Tests.Imaging.Receiving;

namespace CityTwin.Vision.Tests.Imaging.Network;

/// <summary>The SCP answers dcmtk findscu (Study Root, STUDY and IMAGE level) from the calling clinic's stored instances.</summary>
[Collection(ReceivingCollection.Name)]
public sealed class CFindScpTests(ReceivingFixture fixture)
{
    private string Port => fixture.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [SkippableFact]
    public async Task Findscu_StudyAndImageLevel_FindsTheStoredInstanceWithCounts()
    {
        Skip.IfNot(Dcmtk.Installed && File.Exists("/usr/bin/findscu"), Dcmtk.Missing);
        var folder = Directory.CreateTempSubdirectory("citytwin-find-").FullName;
        var (path, uid) = ScuFiles.SyntheticPart10(folder);
        var stored = await Dcmtk.RunAsync("storescu", "-aet", "STORESCU", "-aec", "CITYTWIN", "127.0.0.1", Port, path);
        Assert.True(stored.ExitCode == 0, stored.Output);

        var study = await Dcmtk.RunAsync("findscu", "-v", "-S", "-aet", "STORESCU", "-aec", "CITYTWIN",
            "-k", "QueryRetrieveLevel=STUDY", "-k", $"StudyInstanceUID={uid}.1", "-k", "NumberOfStudyRelatedInstances", "127.0.0.1", Port);
        var image = await Dcmtk.RunAsync("findscu", "-v", "-S", "-aet", "STORESCU", "-aec", "CITYTWIN",
            "-k", "QueryRetrieveLevel=IMAGE", "-k", $"StudyInstanceUID={uid}.1", "-k", "SeriesInstanceUID", "-k", "SOPInstanceUID", "-k", "SOPClassUID",
            "127.0.0.1", Port);

        Assert.True(study.ExitCode == 0, study.Output);
        Assert.Contains($"{uid}.1", study.Output);
        Assert.True(study.Output.Contains("(0020,1208) IS [1 ]", StringComparison.Ordinal), study.Output);
        Assert.Contains("Received Final Find Response (Success)", study.Output);
        Assert.True(image.ExitCode == 0, image.Output);
        Assert.Contains($"(0008,0018) UI [{uid}]", image.Output);
        Assert.Contains($"(0020,000e) UI [{uid}.2]", image.Output);
        Assert.Contains(DicomTestSopClass, image.Output);
    }

    [SkippableFact]
    public async Task Findscu_UnknownStudyOrBadLevel_NothingFoundOrRefusedWithReason()
    {
        Skip.IfNot(Dcmtk.Installed && File.Exists("/usr/bin/findscu"), Dcmtk.Missing);

        var none = await Dcmtk.RunAsync("findscu", "-v", "-S", "-aet", "STORESCU", "-aec", "CITYTWIN",
            "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=1.2.3.4.5.6.7.8.9", "127.0.0.1", Port);
        var bad = await Dcmtk.RunAsync("findscu", "-v", "-S", "-aet", "STORESCU", "-aec", "CITYTWIN",
            "-k", "QueryRetrieveLevel=PATIENT", "127.0.0.1", Port);

        Assert.Contains("Received Final Find Response (Success)", none.Output);
        Assert.DoesNotContain("Pending", none.Output);
        Assert.True(bad.Output.Contains("Received Final Find Response (Error: DataSetDoesNotMatchSOPClass)", StringComparison.Ordinal), bad.Output);
    }

    [SkippableFact]
    public async Task Findscu_PatientIdPatterns_MatchThePseudonymAsStored()
    {
        Skip.IfNot(Dcmtk.Installed && File.Exists("/usr/bin/findscu"), Dcmtk.Missing);
        var folder = Directory.CreateTempSubdirectory("citytwin-find-patient-").FullName;
        var (path, uid) = ScuFiles.SyntheticPart10(folder);
        var stored = await Dcmtk.RunAsync("storescu", "-aet", "STORESCU", "-aec", "CITYTWIN", "127.0.0.1", Port, path);
        Assert.True(stored.ExitCode == 0, stored.Output);
        Task<Dcmtk.Result> FindAsync(string patient) => Dcmtk.RunAsync("findscu", "-v", "-S", "-aet", "STORESCU", "-aec", "CITYTWIN",
            "-k", "QueryRetrieveLevel=STUDY", "-k", $"StudyInstanceUID={uid}.1", "-k", $"PatientID={patient}", "127.0.0.1", Port);

        var any = await FindAsync("");
        var pseudonym = System.Text.RegularExpressions.Regex.Match(any.Output, @"\(0010,0020\) LO \[([^\]]+)\]").Groups[1].Value.Trim();
        Assert.True(pseudonym.Length > 4, any.Output);
        var prefix = await FindAsync(pseudonym[..3] + "*");
        var single = await FindAsync("?" + pseudonym[1..]);
        var exact = await FindAsync(pseudonym);
        var other = await FindAsync("NOT-" + pseudonym[..3] + "*");
        var multiple = await FindAsync(pseudonym + "\\other");

        foreach (var found in new[] { prefix, single, exact })
            Assert.True(found.Output.Contains($"{uid}.1", StringComparison.Ordinal) && found.Output.Contains("Pending", StringComparison.Ordinal), found.Output);
        Assert.DoesNotContain("Pending", other.Output);
        Assert.Contains("Received Final Find Response (Success)", other.Output);
        Assert.True(multiple.Output.Contains("Error: DataSetDoesNotMatchSOPClass", StringComparison.Ordinal), multiple.Output);
    }

    private const string DicomTestSopClass = "=SecondaryCaptureImageStorage";
}
