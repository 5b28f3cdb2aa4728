using CityTwin.Testing;
using CityTwin.Twin.Clinics.Imaging;
using CityTwin.Vision.Imaging.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CityTwin.Vision.Tests.Imaging.Receiving;

/// <summary>What the SCP does with senders that stop halfway, lie about lengths or syntaxes, or send too much.</summary>
[Collection(ReceivingCollection.Name)]
public sealed class ScpBadInputTests(ReceivingFixture fixture)
{
    [Fact]
    public async Task Store_AbortedMidTransfer_NothingIsStored()
    {
        var uid = DicomTestDataSet.NewUid();
        var dataSet = DicomTestDataSet.Create(uid, pixelBytes: 200_000);
        var filesBefore = StoredFiles();
        await using (var scu = await RawScu.ConnectAsync(fixture.Port))
        {
            Assert.Equal(0x02, scu.AssociateResult);
            await scu.SendStoreAsync(uid, dataSet, sendBytes: dataSet.Length / 2);
            await scu.AbortAsync();
        }
        await WaitForIdleAsync();
        Assert.False(await RowExistsAsync(uid));
        Assert.Equal(filesBefore, StoredFiles());
        await using var next = await RawScu.ConnectAsync(fixture.Port);
        Assert.Equal(DimseStatus.Success, await next.EchoAsync());
    }

    [Fact]
    public async Task Store_ConnectionDroppedMidTransfer_NothingIsStored()
    {
        var uid = DicomTestDataSet.NewUid();
        var dataSet = DicomTestDataSet.Create(uid, pixelBytes: 200_000);
        var filesBefore = StoredFiles();
        await using (var scu = await RawScu.ConnectAsync(fixture.Port))
            await scu.SendStoreAsync(uid, dataSet, sendBytes: dataSet.Length / 3);
        await WaitForIdleAsync();
        Assert.False(await RowExistsAsync(uid));
        Assert.Equal(filesBefore, StoredFiles());
    }

    [Fact]
    public async Task Store_TruncatedDataSet_CannotUnderstandAndAssociationGoesOn()
    {
        var uid = DicomTestDataSet.NewUid();
        // The pixel data claims 4000 bytes more than it has: the data set ends inside its last element.
        var truncated = DicomTestDataSet.Create(uid, pixelBytes: 1000, declaredPixelBytes: 5000);
        await using var scu = await RawScu.ConnectAsync(fixture.Port);
        Assert.Equal(DimseStatus.CannotUnderstand, await scu.StoreAsync(uid, truncated));
        Assert.False(await RowExistsAsync(uid));
        Assert.Equal(DimseStatus.Success, await scu.EchoAsync());
        var good = DicomTestDataSet.NewUid();
        Assert.Equal(DimseStatus.Success, await scu.StoreAsync(good, DicomTestDataSet.Create(good, pixelBytes: 1000)));
        Assert.True(await RowExistsAsync(good));
        await scu.ReleaseAsync();
    }

    [Fact]
    public async Task Store_ImplicitDataSetOnExplicitContext_CannotUnderstand()
    {
        var uid = DicomTestDataSet.NewUid();
        await using var scu = await RawScu.ConnectAsync(fixture.Port, RawScu.ExplicitLittleEndian);
        Assert.Equal(DimseStatus.CannotUnderstand, await scu.StoreAsync(uid, DicomTestDataSet.Create(uid, pixelBytes: 1000)));
        Assert.False(await RowExistsAsync(uid));
    }

    [Fact]
    public async Task Store_OversizedInstance_OutOfResourcesAndAssociationGoesOn()
    {
        var uid = DicomTestDataSet.NewUid();
        var oversized = DicomTestDataSet.Create(uid, pixelBytes: (int)ReceivingFixture.MaxInstanceBytes + 100_000);
        await using var scu = await RawScu.ConnectAsync(fixture.Port);
        Assert.Equal(DimseStatus.OutOfResources, await scu.StoreAsync(uid, oversized));
        Assert.False(await RowExistsAsync(uid));
        var good = DicomTestDataSet.NewUid();
        Assert.Equal(DimseStatus.Success, await scu.StoreAsync(good, DicomTestDataSet.Create(good, pixelBytes: 1000)));
        await scu.ReleaseAsync();
    }

    [Fact]
    public async Task Store_SameUidDifferentContent_AcknowledgedAndFirstCopyKept()
    {
        var uid = DicomTestDataSet.NewUid();
        await using var scu = await RawScu.ConnectAsync(fixture.Port);
        Assert.Equal(DimseStatus.Success, await scu.StoreAsync(uid, DicomTestDataSet.Create(uid, pixelBytes: 1000)));
        var first = await RowAsync(uid);
        var filesBefore = StoredFiles().Length;
        Assert.Equal(DimseStatus.Success, await scu.StoreAsync(uid, DicomTestDataSet.Create(uid, pixelBytes: 1000)));
        Assert.Equal(first!.Sha256, (await RowAsync(uid))!.Sha256);
        Assert.Equal(filesBefore, StoredFiles().Length);
    }

    [Fact]
    public async Task Store_FourAssociationsAtOnce_AllStored()
    {
        var uids = Enumerable.Range(0, 4).Select(_ => DicomTestDataSet.NewUid()).ToArray();
        var statuses = await Task.WhenAll(uids.Select(async uid =>
        {
            await using var scu = await RawScu.ConnectAsync(fixture.Port);
            var status = await scu.StoreAsync(uid, DicomTestDataSet.Create(uid, pixelBytes: 300_000));
            await scu.ReleaseAsync();
            return status;
        }));
        Assert.All(statuses, s => Assert.Equal(DimseStatus.Success, s));
        foreach (var uid in uids) Assert.True(await RowExistsAsync(uid));
    }

    [Fact]
    public async Task Associate_UnknownCallingAeTitle_RejectedWithoutStoring()
    {
        await using var scu = await RawScu.ConnectAsync(fixture.Port, calling: "INTRUDER");
        Assert.Equal(0x03, scu.AssociateResult);
    }

    [Fact]
    public async Task Associate_UnsupportedTransferSyntax_ContextRefusedAndStoreOnItAborts()
    {
        const string mpeg2 = "1.2.840.10008.1.2.4.100";
        await using var scu = await RawScu.ConnectAsync(fixture.Port, mpeg2);
        Assert.Equal(0x02, scu.AssociateResult);
        Assert.Equal(4, scu.ContextResult(1)); // transfer syntaxes not supported
        Assert.Equal(0, scu.ContextResult(3)); // Verification still accepted
        var uid = DicomTestDataSet.NewUid();
        await scu.SendStoreAsync(uid, DicomTestDataSet.Create(uid, 100));
        Assert.Equal(0x07, (await scu.ReadPduAsync()).Type); // A-ABORT: data on a refused context
        Assert.False(await RowExistsAsync(uid));
    }

    [Fact]
    public async Task Associate_PduOverTheMaximum_Aborted()
    {
        await using var scu = await RawScu.ConnectAsync(fixture.Port);
        // A P-DATA-TF header claiming 100 MB: refused from its header, before anything is allocated for it.
        await scu.SendRawAsync([0x04, 0x00, 0x06, 0x00, 0x00, 0x00]);
        Assert.Equal(0x07, (await scu.ReadPduAsync()).Type);
    }

    [Fact]
    public async Task Associate_SilentAfterAccept_AbortedAfterIdleTimeout()
    {
        await using var scu = await RawScu.ConnectAsync(fixture.Port);
        Assert.Equal(0x02, scu.AssociateResult);
        // The fixture's idle timeout is 5 s; the SCP aborts rather than hold the association forever.
        Assert.Equal(0x07, (await scu.ReadPduAsync().WaitAsync(TimeSpan.FromSeconds(60))).Type);
    }

    [Fact]
    public async Task Associate_OverTheAssociationLimit_RejectedTransient()
    {
        var scp = ActivatorUtilities.CreateInstance<StoreScpService>(fixture.Services,
            Options.Create(new ScpOptions { Port = 0, MaxAssociations = 1 }));
        await scp.StartAsync(CancellationToken.None);
        try
        {
            var port = await scp.LocalPort;
            await using var first = await RawScu.ConnectAsync(port);
            Assert.Equal(0x02, first.AssociateResult);
            await using var second = await RawScu.ConnectAsync(port);
            Assert.Equal(0x03, second.AssociateResult);
            Assert.Equal([2, 3, 2], second.AssociateResponse[1..4]); // transient, presentation provider, local limit exceeded
            Assert.Equal(DimseStatus.Success, await first.EchoAsync());
        }
        finally
        {
            await scp.StopAsync(CancellationToken.None);
        }
    }

    private async Task WaitForIdleAsync()
    {
        var scp = fixture.Services.GetRequiredService<StoreScpService>();
        for (var i = 0; i < 500 && scp.ActiveAssociations > 0; i++) await Task.Delay(20);
        Assert.Equal(0, scp.ActiveAssociations);
    }

    private async Task<bool> RowExistsAsync(string uid) => await RowAsync(uid) is not null;

    private async Task<ImagingInstanceRow?> RowAsync(string uid)
    {
        await using var context = fixture.Database.CreateContext();
        return await context.Set<ImagingInstanceRow>().AsNoTracking().FirstOrDefaultAsync(r => r.SopInstanceUid == uid);
    }

    private string[] StoredFiles() =>
        [.. Directory.EnumerateFiles(fixture.StorageRoot, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(fixture.InboxFolder, StringComparison.Ordinal)).Order()];
}
