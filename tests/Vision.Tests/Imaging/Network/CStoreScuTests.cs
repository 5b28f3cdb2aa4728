using System.Net;
using System.Net.Sockets;
using CityTwin.Testing;
using CityTwin.Vision.Imaging.Dicom.Writing;
using CityTwin.Vision.Imaging.Network.Scu;
using CityTwin.Vision.Tests.Imaging.Receiving;
using Microsoft.Extensions.Logging.Abstractions;

namespace CityTwin.Vision.Tests.Imaging.Network;

/// <summary>The project's C-STORE SCU against a real Orthanc PACS, a port nobody listens on, and a peer that never answers.</summary>
public sealed class CStoreScuTests
{
    private readonly StoreScu scu = new(NullLogger<StoreScu>.Instance);

    [SkippableFact]
    public async Task StoreAsync_ChestXrayAndItsReportToOrthanc_BothConfirmedAndHeldInOneStudy()
    {
        Skip.IfNot(OrthancServer.Installed, OrthancServer.Missing);
        Skip.If(ChestXRay.File is null, SharedData.Missing);
        await using var orthanc = await OrthancServer.StartAsync();
        var image = ScuFiles.FromPart10(ChestXRay.File!, out var file);
        var (report, _) = ScuFiles.Report(file);

        var results = await scu.StoreAsync(Peer(orthanc), [image, report], CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Stored, r.Describe()));
        var imageId = await orthanc.FindInstanceAsync(image.SopInstanceUid);
        var reportId = await orthanc.FindInstanceAsync(report.SopInstanceUid);
        Assert.NotNull(imageId);
        Assert.NotNull(reportId);
        var imageStudy = (await orthanc.GetJsonAsync($"instances/{imageId}/study")).GetProperty("ID").GetString();
        var reportStudy = (await orthanc.GetJsonAsync($"instances/{reportId}/study")).GetProperty("ID").GetString();
        Assert.Equal(imageStudy, reportStudy);
    }

    [SkippableFact]
    public async Task StoreAsync_WrongCalledAeTitle_AssociationRejectedTransient()
    {
        Skip.IfNot(OrthancServer.Installed, OrthancServer.Missing);
        await using var orthanc = await OrthancServer.StartAsync();
        var folder = Directory.CreateTempSubdirectory("citytwin-scu-").FullName;
        var image = ScuFiles.FromPart10(ScuFiles.SyntheticPart10(folder).Path, out _);

        var error = await Assert.ThrowsAsync<PacsException>(() =>
            scu.StoreAsync(Peer(orthanc) with { CalledAeTitle = "NOT-ORTHANC" }, [image], CancellationToken.None));

        Assert.True(error.Transient);
        Assert.Contains("rejected the association", error.Message);
        Assert.Null(await orthanc.FindInstanceAsync(image.SopInstanceUid));
    }

    [SkippableFact]
    public async Task StoreAsync_ReportToAPacsThatTakesOnlyImages_ImageStoredReportRefusedNotTransient()
    {
        Skip.IfNot(Dcmtk.Installed, Dcmtk.Missing);
        Skip.If(ChestXRay.File is null, SharedData.Missing);
        await using var pacs = await ImagesOnlyStoreScp.StartAsync();
        var image = ScuFiles.FromPart10(ChestXRay.File!, out var file);
        var (report, _) = ScuFiles.Report(file);

        var results = await scu.StoreAsync(new PacsPeer("127.0.0.1", pacs.Port, ImagesOnlyStoreScp.AeTitle, "CITYTWIN"), [image, report], CancellationToken.None);

        Assert.True(results[0].Stored, results[0].Describe());
        Assert.Single(Directory.GetFiles(pacs.Folder));
        Assert.Equal(StoreScu.NotNegotiated, results[1].Status);
        Assert.False(results[1].Stored);
        Assert.False(results[1].Transient);
        Assert.Contains(StructuredReportWriter.ComprehensiveSr, results[1].ErrorComment);
    }

    [Fact]
    public async Task StoreAsync_NothingListening_TransientUnreachable()
    {
        var folder = Directory.CreateTempSubdirectory("citytwin-scu-").FullName;
        var image = ScuFiles.FromPart10(ScuFiles.SyntheticPart10(folder).Path, out _);

        var error = await Assert.ThrowsAsync<PacsException>(() =>
            scu.StoreAsync(new PacsPeer("127.0.0.1", FreePort.Next(), "PACS", "CITYTWIN"), [image], CancellationToken.None));

        Assert.True(error.Transient);
        Assert.Contains("unreachable", error.Message);
    }

    [Fact]
    public async Task StoreAsync_PeerAcceptsTheConnectionButNeverAnswers_TimesOut()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var accepted = silent.AcceptTcpClientAsync();
        var folder = Directory.CreateTempSubdirectory("citytwin-scu-").FullName;
        var image = ScuFiles.FromPart10(ScuFiles.SyntheticPart10(folder).Path, out _);

        var error = await Assert.ThrowsAsync<PacsException>(() =>
            scu.StoreAsync(new PacsPeer("127.0.0.1", port, "PACS", "CITYTWIN") { ResponseTimeout = TimeSpan.FromSeconds(1) }, [image], CancellationToken.None));

        Assert.True(error.Transient);
        Assert.Contains("did not answer within 1 s", error.Message);
        (await accepted).Dispose();
    }

    private static PacsPeer Peer(OrthancServer orthanc) => new("127.0.0.1", orthanc.DicomPort, orthanc.AeTitle, "CITYTWIN");
}
