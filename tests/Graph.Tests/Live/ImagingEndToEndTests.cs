using System.Text.Json;
using CityTwin.Testing;
using CityTwin.Twin.Clinics;
using CityTwin.Twin.Places;
using CityTwin.Vision.Imaging;
using CityTwin.Vision.Imaging.Decoding;
using CityTwin.Vision.Imaging.Model;
using CityTwin.Vision.Imaging.Model.Onnx;
using CityTwin.Vision.Imaging.Reading;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CityTwin.Graph.Tests.Live;

/// <summary>
/// The end-to-end path: the real NIH chest X-ray read by the real reader (GDCM worker, OpenCV, ONNX Runtime on
/// a model built in code) reaches the clinic grain and arrives on the clinic key's GraphQL <c>imagingResults</c>
/// subscription, served by a silo of the live cluster.
/// </summary>
[Collection(LiveClusterCollection.Name)]
public sealed class ImagingEndToEndTests(LiveClusterFixture fixture) : IDisposable
{
    private const string NihChestXray = "nih_chest_xray_nccid/1.3.6.1.4.1.11129.5.5.110503645592756492463169821050252582267888.dcm";
    private readonly string folder = Directory.CreateTempSubdirectory("citytwin-imaging-e2e-").FullName;

    [SkippableFact]
    public async Task NihChestXray_ReadByTheReader_ArrivesOnTheClinicsSubscription()
    {
        var source = SharedData.File("data", "dicom", NihChestXray);
        if (source is null)
            throw new SkipException(SharedData.Missing);
        var path = Path.Combine(folder, "stored.dcm");
        File.Copy(source, path);
        var clinic = LiveTestCity.NewId("clinic");
        await fixture.Grains.GetGrain<IClinicGrain>(clinic).RegisterAsync(new ClinicDefinition(
            new Place("Trạm y tế xã Thạnh An", LiveTestCity.AnPhu, LiveTestCity.AnPhuIntersection), ClinicKind.CommuneHealthStation, ["STORESCU"]));
        var (recorder, subscription) = await LiveGraphQL.SubscribeAsync(fixture.SchemaOf(1), fixture.ServicesOf(1),
            "subscription { imagingResults { clinicId studyInstanceUid pseudonymisedPatientId abnormal modelVersion findings { label } } }",
            LiveGraphQL.Clinic(clinic));
        using var _ = subscription;
        var outcomes = new Outcomes();
        await using var pool = new DecoderPool(Options.Create(new DecoderPoolOptions { Workers = 1 }));
        using var model = new ModelSlot(WriteModel());
        using var metrics = new ImagingMetrics();
        await using var reader = new ImagingReader(pool, model, fixture.Grains, outcomes, metrics,
            Options.Create(new ReaderOptions()), NullLogger<ImagingReader>.Instance);
        const string study = "1.2.826.0.1.3680043.8.498.4242";

        await reader.EnqueueAsync(new ReceivedInstance(clinic, study, study + ".1", study + ".1.1", "1.2.840.10008.5.1.4.1.1.1.1",
            "1.2.840.10008.1.2", "pseudo-e2e", path, DateTimeOffset.UtcNow));

        var received = await recorder.WaitForAsync("imagingResults", e => e.GetProperty("studyInstanceUid").GetString() == study);
        Assert.Equal(clinic, received.GetProperty("clinicId").GetString());
        Assert.Equal("pseudo-e2e", received.GetProperty("pseudonymisedPatientId").GetString());
        Assert.True(received.GetProperty("abnormal").GetBoolean());
        Assert.Equal(["Effusion"], received.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("label").GetString()));
        Assert.Equal("e2e-1", received.GetProperty("modelVersion").GetString());
        // The reader marks the instance after the grain has published, so the event can arrive first.
        for (var i = 0; i < 500 && outcomes.Last is null; i++) await Task.Delay(20);
        Assert.Equal(InstanceOutcome.Read, outcomes.Last);
    }

    /// <summary>A one-channel 32×32 brightness classifier where only Effusion fires, whatever the image.</summary>
    private ModelOptions WriteModel()
    {
        string[] labels = ["Atelectasis", "Effusion", "Pneumothorax"];
        var modelPath = Path.Combine(folder, "model.onnx");
        File.WriteAllBytes(modelPath, SyntheticModels.BrightnessClassifier(32, 32, [0f, 0f, 0f], [-6f, 6f, -6f], "e2e-1"));
        File.WriteAllLines(Path.Combine(folder, "labels.txt"), labels);
        File.WriteAllText(Path.Combine(folder, "thresholds.json"), JsonSerializer.Serialize(new
        {
            modelVersion = "e2e-1",
            thresholds = labels.ToDictionary(l => l, _ => 0.5f),
            critical = new[] { "Pneumothorax" },
        }));
        return new ModelOptions
        {
            ModelPath = modelPath, LabelsPath = Path.Combine(folder, "labels.txt"), ThresholdsPath = Path.Combine(folder, "thresholds.json"),
            ModelVersion = "e2e-1", InputWidth = 32, InputHeight = 32,
        };
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private sealed class Outcomes : IInstanceOutcomes
    {
        private volatile Box? last;

        public InstanceOutcome? Last => last?.Outcome;

        public Task SetOutcomeAsync(string sopInstanceUid, InstanceOutcome outcome, string? rejectReason, CancellationToken cancellationToken = default)
        {
            last = new Box(outcome);
            return Task.CompletedTask;
        }

        private sealed record Box(InstanceOutcome Outcome);
    }
}
