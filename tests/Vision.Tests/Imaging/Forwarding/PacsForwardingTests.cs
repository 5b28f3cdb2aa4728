using System.Net;
using System.Net.Sockets;
using CityTwin.Testing;
using CityTwin.Twin.Clinics;
using CityTwin.Vision.Imaging.Dicom.Writing;
using CityTwin.Vision.Imaging.Forwarding;
using CityTwin.Vision.Tests.Imaging.Network;
using CityTwin.Vision.Tests.Imaging.Receiving;
using Microsoft.EntityFrameworkCore;

namespace CityTwin.Vision.Tests.Imaging.Forwarding;

/// <summary>
/// Forwarding end to end through real parts: dcmtk storescu sends to the SCP, the real reader (GDCM worker, ONNX model
/// built in code) records a reading, and the forwarder sends the image and the SR to a real Orthanc; a PACS that is
/// down, refuses us, never answers, or refuses the report ends in a dead letter with the reason.
/// </summary>
public sealed class PacsForwardingTests(ForwardingFixture fixture) : IClassFixture<ForwardingFixture>
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task Forwarder_ChestXrayReceivedAndRead_ImageAndReportConfirmedByOrthancInOneStudy()
    {
        Skip.IfNot(OrthancServer.Installed, OrthancServer.Missing);
        Skip.IfNot(Dcmtk.Installed, Dcmtk.Missing);
        Skip.If(ChestXRay.File is null, SharedData.Missing);
        await using var orthanc = await OrthancServer.StartAsync();
        await using var rig = await ForwardingRig.StartAsync(fixture, "127.0.0.1", orthanc.DicomPort, orthanc.AeTitle, withReader: true);

        await rig.SendAsync(ChestXRay.File!);

        var image = await rig.SettledAsync(ForwardingState.Image, ChestXRay.SopInstanceUid, Settle);
        Assert.Equal((ForwardingState.Forwarded, 1, null), (image.State, image.Attempts, image.LastError));
        Assert.NotNull(image.ForwardedAt);
        long readingId;
        await using (var db = fixture.Database.CreateContext())
            readingId = (await WaitForReadingAsync(db, ChestXRay.SopInstanceUid)).Id;
        var report = await rig.SettledAsync(ForwardingState.Report, readingId.ToString(System.Globalization.CultureInfo.InvariantCulture), Settle);
        Assert.Equal(ForwardingState.Forwarded, report.State);
        var imageId = await orthanc.FindInstanceAsync(ChestXRay.SopInstanceUid);
        var reportId = await orthanc.FindInstanceAsync(report.SopInstanceUid!);
        Assert.NotNull(imageId);
        Assert.NotNull(reportId);
        Assert.Equal((await orthanc.GetJsonAsync($"instances/{imageId}/study")).GetProperty("ID").GetString(),
            (await orthanc.GetJsonAsync($"instances/{reportId}/study")).GetProperty("ID").GetString());
        var tags = await orthanc.GetJsonAsync($"instances/{reportId}/simplified-tags");
        Assert.Equal("SR", tags.GetProperty("Modality").GetString());
        Assert.Equal(StructuredReportWriter.ComprehensiveSr, tags.GetProperty("SOPClassUID").GetString());
        Assert.Contains("Pneumothorax", tags.GetRawText());
    }

    [SkippableFact]
    public async Task Forwarder_PacsDown_RetriedThenDeadLetteredWithTheReason()
    {
        Skip.IfNot(Dcmtk.Installed, Dcmtk.Missing);
        await using var rig = await ForwardingRig.StartAsync(fixture, "127.0.0.1", FreePort.Next(), "PACS");
        var (path, uid) = ScuFiles.SyntheticPart10(rig.Folder);

        await rig.SendAsync(path);

        var row = await rig.SettledAsync(ForwardingState.Image, uid, Settle);
        Assert.Equal((ForwardingState.DeadLetter, ForwardingRig.MaxAttempts), (row.State, row.Attempts));
        Assert.Contains("unreachable", row.LastError);
        Assert.Null(row.ForwardedAt);
    }

    [SkippableFact]
    public async Task Forwarder_PacsRefusesOurAssociation_RetriedThenDeadLettered()
    {
        Skip.IfNot(OrthancServer.Installed, OrthancServer.Missing);
        Skip.IfNot(Dcmtk.Installed, Dcmtk.Missing);
        await using var orthanc = await OrthancServer.StartAsync();
        await using var rig = await ForwardingRig.StartAsync(fixture, "127.0.0.1", orthanc.DicomPort, "WRONG-AE");
        var (path, uid) = ScuFiles.SyntheticPart10(rig.Folder);

        await rig.SendAsync(path);

        var row = await rig.SettledAsync(ForwardingState.Image, uid, Settle);
        Assert.Equal((ForwardingState.DeadLetter, ForwardingRig.MaxAttempts), (row.State, row.Attempts));
        Assert.Contains("called AE title not recognised", row.LastError);
        Assert.Null(await orthanc.FindInstanceAsync(uid));
    }

    [SkippableFact]
    public async Task Forwarder_PacsNeverAnswers_TimesOutRetriesThenDeadLetters()
    {
        Skip.IfNot(Dcmtk.Installed, Dcmtk.Missing);
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new List<TcpClient>();
        using var stop = new CancellationTokenSource();
        var accepting = Task.Run(async () =>
        {
            try { while (true) held.Add(await silent.AcceptTcpClientAsync(stop.Token)); }
            catch (OperationCanceledException) { }
        });
        await using var rig = await ForwardingRig.StartAsync(fixture, "127.0.0.1", ((IPEndPoint)silent.LocalEndpoint).Port, "PACS",
            responseTimeout: TimeSpan.FromMilliseconds(500));
        var (path, uid) = ScuFiles.SyntheticPart10(rig.Folder);

        await rig.SendAsync(path);

        var row = await rig.SettledAsync(ForwardingState.Image, uid, Settle);
        await stop.CancelAsync();
        await accepting;
        held.ForEach(c => c.Dispose());
        Assert.Equal((ForwardingState.DeadLetter, ForwardingRig.MaxAttempts), (row.State, row.Attempts));
        Assert.Contains("did not answer within 0.5 s", row.LastError);
    }

    [SkippableFact]
    public async Task Forwarder_PacsRefusesTheReport_ReportDeadLetteredAtOnceImageStillForwarded()
    {
        Skip.IfNot(Dcmtk.Installed, Dcmtk.Missing);
        await using var pacs = await ImagesOnlyStoreScp.StartAsync();
        await using var rig = await ForwardingRig.StartAsync(fixture, "127.0.0.1", pacs.Port, ImagesOnlyStoreScp.AeTitle);
        // A synthetic image cannot be read by the model, so its reading is recorded the way the reader records one.
        var (path, uid) = ScuFiles.SyntheticPart10(rig.Folder);
        await rig.SendAsync(path);
        var studyUid = uid + ".1";
        await fixture.Cluster.Grains.GetGrain<IClinicGrain>(Reading.TestClinic.Id).RecordAiResultAsync(
            new ImagingResult(studyUid, true, TimeSpan.FromMilliseconds(300))
            {
                SopInstanceUid = uid,
                PseudonymisedPatientId = "pseudo",
                ReceivedAt = DateTimeOffset.UtcNow.AddSeconds(-1),
                AnalysedAt = DateTimeOffset.UtcNow,
                Findings = [new ImagingFinding("Pneumothorax", 0.9f)],
                ModelVersion = "citytwin-test-1",
                CriticalFindings = ["Pneumothorax"],
            });
        long readingId;
        await using (var db = fixture.Database.CreateContext())
            readingId = (await WaitForReadingAsync(db, uid)).Id;

        var report = await rig.SettledAsync(ForwardingState.Report, readingId.ToString(System.Globalization.CultureInfo.InvariantCulture), Settle);
        var image = await rig.SettledAsync(ForwardingState.Image, uid, Settle);

        Assert.Equal((ForwardingState.DeadLetter, 1), (report.State, report.Attempts));
        Assert.Contains($"status 0x0122: the PACS does not accept SOP class {StructuredReportWriter.ComprehensiveSr}", report.LastError);
        Assert.Equal(ForwardingState.Forwarded, image.State);
        Assert.Single(Directory.GetFiles(pacs.Folder));
    }

    private static async Task<ClinicStudyRow> WaitForReadingAsync(DbContext db, string sopInstanceUid)
    {
        for (var deadline = DateTime.UtcNow + Settle; DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            if (await db.Set<ClinicStudyRow>().AsNoTracking().FirstOrDefaultAsync(r => r.SopInstanceUid == sopInstanceUid) is { } row) return row;
        }
        throw new TimeoutException($"no reading of {sopInstanceUid}");
    }
}
