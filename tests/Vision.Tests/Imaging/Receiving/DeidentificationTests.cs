using System.Globalization;
using System.Text;
using CityTwin.Testing;
using CityTwin.Twin.Clinics.Imaging;
using CityTwin.Vision.Imaging.Dicom;
using CityTwin.Vision.Imaging.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CityTwin.Vision.Tests.Imaging.Receiving;

/// <summary>What lands on disk after a real dcmtk <c>storescu</c> sends a patient's image: no name, no id, owner-only modes.</summary>
[Collection(ReceivingCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DeidentificationTests(ReceivingFixture fixture)
{
    private string Port => fixture.Port.ToString(CultureInfo.InvariantCulture);

    [SkippableFact]
    public async Task Store_ChestXRay_StoredFileHoldsPseudonymNotNameOrIdAndIsOwnerOnly()
    {
        Skip.IfNot(Dcmtk.Installed, Dcmtk.Missing);
        Skip.If(ChestXRay.File is null, SharedData.Missing);
        var sent = await Dcmtk.RunAsync("storescu", "-aet", "STORESCU", "-aec", "CITYTWIN", "-xi", "127.0.0.1", Port, ChestXRay.File!);
        Assert.True(sent.ExitCode == 0, sent.Output);

        var (row, stored) = await StoredAsync(ChestXRay.SopInstanceUid);
        var bytes = await File.ReadAllBytesAsync(stored);
        Assert.DoesNotContain("Covid0000", Encoding.Latin1.GetString(bytes)); // the NIH file's name and id
        var dump = await Dcmtk.DumpAsync(stored, "0010,0010", "0010,0020", "0010,0040", "0010,1010", "0012,0062", "0012,0063", "0008,0018");
        Assert.NotNull(dump);
        Assert.Equal("", dump.GetValueOrDefault("0010,0010", ""));
        Assert.Equal(row.PseudonymisedPatientId, dump["0010,0020"]);
        Assert.Equal("YES", dump["0012,0062"]);
        Assert.Equal(BasicProfile.MethodDescription, dump["0012,0063"]);
        Assert.Equal("M", dump["0010,0040"]); // Retain Patient Characteristics: sex and age stay for the AI
        Assert.Equal("81", dump["0010,1010"]);
        Assert.Equal(ChestXRay.SopInstanceUid, dump["0008,0018"]);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(stored));
    }

    [SkippableFact]
    public async Task Store_IdentifiedInstance_ProfileAttributesGoneCharacteristicsAndPixelsKept()
    {
        Skip.IfNot(Dcmtk.Installed, Dcmtk.Missing);
        var identifying = new Dictionary<string, string>
        {
            ["AccessionNumber"] = "ACC778899",
            ["InstitutionName"] = "Benh vien Nguyen Trai",
            ["ReferringPhysicianName"] = "Tran^Van^Bac",
            ["PrivateNote"] = "patient phone 0909123456",
            ["PatientName"] = "Nguyen^Thi^Lan",
            ["PatientID"] = "HCM-123456789",
            ["PatientBirthDate"] = "19900215",
            ["OtherPatientIDs"] = "CCCD079190001234",
            ["PatientAddress"] = "12 Le Loi, Quan 1",
        };
        var uid = DicomTestDataSet.NewUid();
        var dataSet = DicomTestDataSet.CreateIdentified(uid, 3000, identifying);
        var file = Path.Combine(Path.GetTempPath(), $"citytwin-identified-{uid}.dcm");
        await File.WriteAllBytesAsync(file, [.. Part10Writer.Meta(DicomTestDataSet.SecondaryCapture, uid, RawScu.ImplicitLittleEndian, "TEST"), .. dataSet]);
        try
        {
            // -xe: sent in explicit VR little endian, so the rewrite is checked in a syntax other than the file's.
            var sent = await Dcmtk.RunAsync("storescu", "-aet", "STORESCU", "-aec", "CITYTWIN", "-xe", "127.0.0.1", Port, file);
            Assert.True(sent.ExitCode == 0, sent.Output);
        }
        finally
        {
            File.Delete(file);
        }
        var (row, stored) = await StoredAsync(uid);
        var text = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(stored));
        Assert.All(identifying.Values, value => Assert.DoesNotContain(value, text));
        var dump = await Dcmtk.DumpAsync(stored, "0010,0040", "0010,1010", "0010,0020", "0008,0060", "0002,0010");
        Assert.NotNull(dump);
        Assert.Equal("F", dump["0010,0040"]);
        Assert.Equal("034Y", dump["0010,1010"]);
        Assert.Equal(row.PseudonymisedPatientId, dump["0010,0020"]);
        Assert.Equal("DX", dump["0008,0060"]);
        Assert.Equal("1.2.840.10008.1.2.1", dump["0002,0010"]);
        // The pixel data is copied untouched: its 3000 bytes are still the tail of the file.
        Assert.EndsWith(Encoding.Latin1.GetString(dataSet[^3000..]), text);
    }

    [Fact]
    public void PseudonymKey_CreatedOrFoundReadableByOthers_IsOwnerOnly()
    {
        var root = Directory.CreateTempSubdirectory("citytwin-key-").FullName;
        try
        {
            var options = Options.Create(new ImagingOptions { StorageRoot = root });
            var created = new PatientPseudonymiser(options).Pseudonymise("c", "p");
            var key = Path.Combine(root, "pseudonym.key");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));

            File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            Assert.Equal(created, new PatientPseudonymiser(options).Pseudonymise("c", "p"));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private async Task<(ImagingInstanceRow Row, string Path)> StoredAsync(string uid)
    {
        await using var context = fixture.Database.CreateContext();
        var row = await context.Set<ImagingInstanceRow>().AsNoTracking().SingleAsync(r => r.ClinicId == ReceivingFixture.ClinicId && r.SopInstanceUid == uid);
        return (row, Path.Combine(fixture.StorageRoot, row.Sha256[..2], row.Sha256[2..4], row.Sha256 + ".dcm"));
    }
}
