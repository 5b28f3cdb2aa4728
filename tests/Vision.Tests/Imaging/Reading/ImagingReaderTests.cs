using CityTwin.Testing;
using CityTwin.Twin.Clinics;
using CityTwin.Twin.Events;
using CityTwin.Vision.Imaging;
using CityTwin.Vision.Imaging.Decoding;
using CityTwin.Vision.Imaging.Model;
using CityTwin.Vision.Imaging.Reading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CityTwin.Vision.Tests.Imaging.Reading;

/// <summary>The reader end to end: real GDCM worker, OpenCV, ONNX Runtime, Orleans cluster, PostGIS and twin streams.</summary>
public sealed class ImagingReaderTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private const string DigitalXRay = "1.2.840.10008.5.1.4.1.1.1.1";
    private readonly ImagingFiles files = new();
    private readonly RecordingOutcomes outcomes = new();
    private TwinTestCluster? cluster;

    private TwinTestCluster Cluster => cluster!;

    public async Task InitializeAsync()
    {
        cluster = await TwinTestCluster.StartAsync(database);
        await TestClinic.RegisterAsync(cluster.Grains);
    }

    [SkippableFact]
    public async Task ImagingReader_NihChestXray_RecordsOnClinicPublishesResultAndCriticalAlert()
    {
        var path = files.Shared(ImagingFiles.NihChestXray);
        if (path is null)
            throw new SkipException(SharedData.Missing);
        var results = await Cluster.RecordAsync(TwinStreams.ImagingResults);
        var alerts = await Cluster.RecordAsync(TwinStreams.Alerts);
        await using var pool = ImagingFiles.Pool(workers: 1);
        using var model = new ModelSlot(TestModels.Write(files.Folder, brightBias: 8));
        await using var reader = Reader(pool, model);
        var instance = Instance("1.2.826.0.1.3680043.8.498.1", path);

        await reader.EnqueueAsync(instance);

        Assert.Equal((InstanceOutcome.Read, null), await outcomes.WaitForAsync(instance.SopInstanceUid));
        var recorded = await results.WaitForAsync<ImagingResultRecorded>(e => e.Result.StudyInstanceUid == instance.StudyInstanceUid);
        Assert.Equal(TestClinic.Id, recorded.EntityId);
        Assert.Equal("pseudo-7f3a", recorded.Result.PseudonymisedPatientId);
        Assert.Equal(TestModels.Version, recorded.Result.ModelVersion);
        Assert.True(recorded.Result.Abnormal);
        Assert.Equal([TestModels.Bright, TestModels.Always], recorded.Result.Findings.Select(f => f.Label).Order().Reverse());
        Assert.True(recorded.Result.Turnaround >= TimeSpan.FromSeconds(30), "turnaround counts from ReceivedAt, 30 s before the test enqueued it");
        var alert = await alerts.WaitForAsync<CriticalFinding>(a => a.EntityId == TestClinic.Id);
        Assert.Equal(TestModels.Bright, Assert.Single(alert.Findings).Label);

        var state = await Cluster.Grains.GetGrain<IClinicGrain>(TestClinic.Id).GetAsync();
        Assert.Equal(instance.StudyInstanceUid, Assert.Single(state!.RecentStudies).StudyInstanceUid);
        await using var db = database.CreateContext();
        var row = await db.Set<ClinicStudyRow>().SingleAsync(r => r.StudyInstanceUid == instance.StudyInstanceUid);
        Assert.Equal((TestClinic.Id, "pseudo-7f3a", true), (row.ClinicId, row.PseudonymisedPatientId, row.Abnormal));
        Assert.Equal([TestModels.Bright], row.CriticalFindings);
    }

    [SkippableFact]
    public async Task ImagingReader_FileGdcmCannotRead_RejectedWithReasonNothingRecorded()
    {
        var path = files.Shared("pydicom_test_files/rtplan.dcm");
        if (path is null)
            throw new SkipException(SharedData.Missing);
        await using var pool = ImagingFiles.Pool(workers: 1);
        using var model = new ModelSlot(TestModels.Write(files.Folder));
        await using var reader = Reader(pool, model);
        var instance = Instance("1.2.826.0.1.3680043.8.498.2", path);

        await reader.EnqueueAsync(instance);

        var (outcome, reason) = await outcomes.WaitForAsync(instance.SopInstanceUid);
        Assert.Equal(InstanceOutcome.Rejected, outcome);
        Assert.StartsWith("GDCM cannot read an image from it", reason);
        var state = await Cluster.Grains.GetGrain<IClinicGrain>(TestClinic.Id).GetAsync();
        Assert.DoesNotContain(state!.RecentStudies, s => s.StudyInstanceUid == instance.StudyInstanceUid);
    }

    [SkippableFact]
    public async Task ImagingReader_ThresholdsForAnotherModelVersion_RejectsEveryInstanceWithTheRefusal()
    {
        var path = files.Shared("pydicom_test_files/CT_small.dcm");
        if (path is null)
            throw new SkipException(SharedData.Missing);
        await using var pool = ImagingFiles.Pool(workers: 1);
        using var model = new ModelSlot(TestModels.Write(files.Folder, thresholdsVersion: "densenet121-xrv-v1"));
        await using var reader = Reader(pool, model);
        var instance = Instance("1.2.826.0.1.3680043.8.498.3", path);

        await reader.EnqueueAsync(instance);

        var (outcome, reason) = await outcomes.WaitForAsync(instance.SopInstanceUid);
        Assert.Equal(InstanceOutcome.Rejected, outcome);
        Assert.Equal($"AI model refused: thresholds calibrated for densenet121-xrv-v1, model is {TestModels.Version}; refusing to produce results", reason);
    }

    private ImagingReader Reader(DecoderPool pool, ModelSlot model) =>
        new(pool, model, Cluster.Grains, outcomes, new ImagingMetrics(), Options.Create(new ReaderOptions { Concurrency = 2 }),
            NullLogger<ImagingReader>.Instance);

    private static ReceivedInstance Instance(string study, string path) =>
        new(TestClinic.Id, study, study + ".1", study + ".1.1", DigitalXRay, "1.2.840.10008.1.2", "pseudo-7f3a", path,
            DateTimeOffset.UtcNow.AddSeconds(-30));

    public async Task DisposeAsync()
    {
        if (cluster is not null) await cluster.DisposeAsync();
        files.Dispose();
    }
}
