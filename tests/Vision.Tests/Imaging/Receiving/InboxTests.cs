using CityTwin.Testing;
using CityTwin.Twin.Clinics.Imaging;
using CityTwin.Vision.Imaging.Dicom;
using CityTwin.Vision.Imaging.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CityTwin.Vision.Tests.Imaging.Receiving;

/// <summary>The inbox folder: files dropped in are stored and moved to done/, or moved to rejected/ with their reason.</summary>
[Collection(ReceivingCollection.Name)]
public sealed class InboxTests(ReceivingFixture fixture)
{
    [Fact]
    public async Task Scan_ValidFile_IsStoredAndMovedToDone()
    {
        var uid = DicomTestDataSet.NewUid();
        var name = $"{Guid.NewGuid():N}.dcm";
        byte[] file = [.. Part10Writer.Meta(DicomTestDataSet.SecondaryCapture, uid, TransferSyntax.ImplicitVrLittleEndian.Uid, "MODALITY"), .. DicomTestDataSet.Create(uid, 2000)];
        await File.WriteAllBytesAsync(Path.Combine(Inbox(), name), file);

        await ScanAsync();

        Assert.True(File.Exists(Path.Combine(Inbox(), InboxService.DoneFolder, name)));
        Assert.False(File.Exists(Path.Combine(Inbox(), name)));
        await using var context = fixture.Database.CreateContext();
        var row = await context.Set<ImagingInstanceRow>().SingleAsync(r => r.SopInstanceUid == uid);
        Assert.Equal("inbox", row.Source);
        Assert.Equal(ReceivingFixture.ClinicId, row.ClinicId);
    }

    [SkippableFact]
    public async Task Scan_RealSecondaryCaptureFile_IsStored()
    {
        // The NIH folder's sample.dcm rather than the chest X-ray, whose row the C-STORE test checks for its own source.
        if (SharedData.File("data", "dicom", "nih_chest_xray_nccid", "sample.dcm") is not { } source) throw new SkipException(SharedData.Missing);
        var name = $"{Guid.NewGuid():N}.dcm";
        File.Copy(source, Path.Combine(Inbox(), name));
        await ScanAsync();
        Assert.True(File.Exists(Path.Combine(Inbox(), InboxService.DoneFolder, name)));
        var uid = DicomReader.ReadPart10(await File.ReadAllBytesAsync(source), ReceivingFixture.MaxInstanceBytes).Header!.SopInstanceUid;
        await using var context = fixture.Database.CreateContext();
        Assert.True(await context.Set<ImagingInstanceRow>().AnyAsync(r => r.SopInstanceUid == uid));
    }

    [Theory]
    [InlineData("garbage", "DICM")]
    [InlineData("truncated", "truncated")]
    [InlineData("ct", "SOP class")]
    public async Task Scan_BadFile_IsMovedToRejectedWithItsReason(string kind, string reasonPart)
    {
        var uid = DicomTestDataSet.NewUid();
        byte[] meta = Part10Writer.Meta(DicomTestDataSet.SecondaryCapture, uid, TransferSyntax.ImplicitVrLittleEndian.Uid, "MODALITY");
        var file = kind switch
        {
            "garbage" => "this is not DICOM"u8.ToArray(),
            "truncated" => [.. meta, .. DicomTestDataSet.Create(uid, 1000, declaredPixelBytes: 9000)],
            _ => [.. Part10Writer.Meta("1.2.840.10008.5.1.4.1.1.2", uid, TransferSyntax.ImplicitVrLittleEndian.Uid, "MODALITY"),
                .. DicomTestDataSet.Create(uid, 100, sopClass: "1.2.840.10008.5.1.4.1.1.2")],
        };
        var name = $"{kind}-{Guid.NewGuid():N}.dcm";
        await File.WriteAllBytesAsync(Path.Combine(Inbox(), name), file);

        await ScanAsync();

        var rejected = Path.Combine(Inbox(), InboxService.RejectedFolder, name);
        Assert.True(File.Exists(rejected));
        var reason = await File.ReadAllTextAsync(rejected + ".reason.txt");
        Assert.Contains(reasonPart, reason);
        await using var context = fixture.Database.CreateContext();
        Assert.False(await context.Set<ImagingInstanceRow>().AnyAsync(r => r.SopInstanceUid == uid));
    }

    [Fact]
    public async Task Scan_OversizedFile_IsRejectedWithoutReadingIt()
    {
        var name = $"big-{Guid.NewGuid():N}.dcm";
        await using (var big = File.Create(Path.Combine(Inbox(), name))) big.SetLength(ReceivingFixture.MaxInstanceBytes + 1);
        await ScanAsync();
        var reason = await File.ReadAllTextAsync(Path.Combine(Inbox(), InboxService.RejectedFolder, name + ".reason.txt"));
        Assert.Contains("limit", reason);
    }

    private string Inbox()
    {
        Directory.CreateDirectory(Path.Combine(fixture.InboxFolder, InboxService.DoneFolder));
        Directory.CreateDirectory(Path.Combine(fixture.InboxFolder, InboxService.RejectedFolder));
        return fixture.InboxFolder;
    }

    private Task ScanAsync() =>
        fixture.Inbox.ScanAsync(fixture.InboxFolder, fixture.Services.GetRequiredService<IOptions<InboxOptions>>().Value, CancellationToken.None);
}
