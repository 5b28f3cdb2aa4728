using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CityTwin.Graph.Tests.Transport.Support;
using CityTwin.Testing;
using CityTwin.Vision.Imaging.Model.Demo;
using CityTwin.Vision.Imaging.Model.Onnx;

namespace CityTwin.Graph.Tests.Imaging;

/// <summary>
/// The X-ray path as a user starts the product: the host built by <c>citytwin serve</c>'s own wiring receives the real
/// NIH chest X-ray from dcmtk <c>storescu</c> on its SCP, the reader the host chose reads it (GDCM worker, OpenCV,
/// ONNX Runtime), and the result arrives on the clinic key's <c>imagingResults</c> subscription over a real WebSocket.
/// </summary>
public sealed class ImagingEndToEndTests
{
    private const string Subscription = """
        subscription { imagingResults { clinicId studyInstanceUid modelName modelVersion clinical abnormal turnaroundMs
          findings { label score } } }
        """;

    private static string? NihChestXray => SharedData.File("data", "dicom", "nih_chest_xray_nccid",
        "1.3.6.1.4.1.11129.5.5.110503645592756492463169821050252582267888.dcm");

    [SkippableFact]
    public async Task Serve_DefaultConfiguration_NihXrayReadByDemoModelArrivesNotClinical()
    {
        var xray = RequireXray();
        await using var host = await ImagingHost.StartAsync();
        await using var socket = await SubscribeAsync(host);

        await host.StoreScuAsync(xray);

        var result = await NextResultAsync(socket);
        Assert.Equal(ImagingHost.ClinicId, result.GetProperty("clinicId").GetString());
        Assert.Equal(StudyUidOf(xray), result.GetProperty("studyInstanceUid").GetString());
        Assert.Equal(DemoModel.Name, result.GetProperty("modelName").GetString());
        Assert.Equal(DemoModel.Version, result.GetProperty("modelVersion").GetString());
        Assert.False(result.GetProperty("clinical").GetBoolean());
        // The demo head's findings are whatever its random weights give; they must be real labels of the 95, over the
        // 0.5 threshold, highest first, and "abnormal" must agree with them.
        var labels = File.ReadAllLines(Path.Combine(DemoModel.ConfigurationDirectory, "labels.txt")).Where(l => l.Length > 0).ToHashSet();
        Assert.Equal(95, labels.Count);
        var findings = result.GetProperty("findings").EnumerateArray().ToList();
        Assert.All(findings, f => Assert.Contains(f.GetProperty("label").GetString()!, labels));
        Assert.All(findings, f => Assert.InRange(f.GetProperty("score").GetDouble(), 0.5, 1.0));
        var scores = findings.Select(f => f.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.Equal(findings.Count > 0, result.GetProperty("abnormal").GetBoolean());

        var clinic = (await host.GraphQLAsync($$"""
            { clinic(id: "{{ImagingHost.ClinicId}}") { imaging { imagingStudies aiResults }
              studies { nodes { studyInstanceUid clinical modelName modelVersion } } } }
            """)).GetProperty("clinic");
        Assert.Equal(1, clinic.GetProperty("imaging").GetProperty("aiResults").GetInt32());
        Assert.Equal(1, clinic.GetProperty("imaging").GetProperty("imagingStudies").GetInt32());
        var study = Assert.Single(clinic.GetProperty("studies").GetProperty("nodes").EnumerateArray());
        Assert.False(study.GetProperty("clinical").GetBoolean());
        Assert.Equal(DemoModel.Name, study.GetProperty("modelName").GetString());
        Assert.Equal("f|" + DemoModel.Name, await host.Database.ScalarAsync("SELECT (CASE WHEN clinical THEN 't' ELSE 'f' END) || '|' || model_name FROM clinic_studies"));
    }

    [SkippableFact]
    public async Task Serve_SiteModelConfigured_ReplacesDemoModelAndIsClinical()
    {
        var xray = RequireXray();
        var folder = Directory.CreateTempSubdirectory("citytwin-site-model-").FullName;
        try
        {
            await using var host = await ImagingHost.StartAsync(WriteSiteModel(folder));
            await using var socket = await SubscribeAsync(host);

            await host.StoreScuAsync(xray);

            var result = await NextResultAsync(socket);
            Assert.Equal("thanh-an-site-model", result.GetProperty("modelName").GetString());
            Assert.Equal("site-7", result.GetProperty("modelVersion").GetString());
            Assert.True(result.GetProperty("clinical").GetBoolean());
            Assert.Equal(["Pleural effusion"], result.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("label").GetString()));
            Assert.Equal("t|thanh-an-site-model", await host.Database.ScalarAsync("SELECT (CASE WHEN clinical THEN 't' ELSE 'f' END) || '|' || model_name FROM clinic_studies"));
            Assert.DoesNotContain(host.Log.Lines, l => l.Contains(DemoModel.Name, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableFact]
    public async Task Serve_NoModelAndDemoOff_LogSaysStudyStaysUnread()
    {
        var xray = RequireXray();
        await using var host = await ImagingHost.StartAsync(new Dictionary<string, string?> { ["CityTwin:Imaging:DemoModel:Enabled"] = "false" });

        await host.StoreScuAsync(xray);

        await host.Log.WaitForAsync(TimeSpan.FromSeconds(30), StudyUidOf(xray), "stays unread", "no AI model is configured");
        var imaging = (await host.GraphQLAsync($$"""{ clinic(id: "{{ImagingHost.ClinicId}}") { imaging { imagingStudies aiResults } } }"""))
            .GetProperty("clinic").GetProperty("imaging");
        Assert.Equal(1, imaging.GetProperty("imagingStudies").GetInt32());
        Assert.Equal(0, imaging.GetProperty("aiResults").GetInt32());
        Assert.Equal("Stored", await host.Database.ScalarAsync("SELECT outcome FROM imaging_instances"));
    }

    private static string RequireXray()
    {
        Skip.If(NihChestXray is null, SharedData.Missing);
        return NihChestXray!;
    }

    private static async Task<RawWebSocketClient> SubscribeAsync(ImagingHost host)
    {
        var socket = await RawWebSocketClient.ConnectAndInitAsync(host.WebSocketUrl, ImagingHost.ClinicKey);
        await socket.SubscribeAsync("results", Subscription);
        // The ping's pong proves the subscription is registered before anything is sent.
        await socket.RoundTripAsync();
        return socket;
    }

    private static async Task<JsonElement> NextResultAsync(RawWebSocketClient socket)
    {
        var message = await socket.ReceiveAsync(TimeSpan.FromSeconds(90));
        Assert.True(message.GetProperty("type").GetString() == "next", message.ToString());
        return message.GetProperty("payload").GetProperty("data").GetProperty("imagingResults");
    }

    /// <summary>The file's StudyInstanceUID as dcmtk's <c>dcmdump</c> reads it.</summary>
    private static string StudyUidOf(string file)
    {
        var start = new ProcessStartInfo("dcmdump") { RedirectStandardOutput = true };
        foreach (var argument in new[] { "+P", "StudyInstanceUID", file }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var line = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return line[(line.IndexOf('[', StringComparison.Ordinal) + 1)..line.IndexOf(']', StringComparison.Ordinal)];
    }

    /// <summary>
    /// A site's own model, configured the way a site would: a grey 32×32 classifier (mean → Gemm → Sigmoid) where only
    /// "Pleural effusion" fires, with its labels, thresholds, name and version; Clinical is left at its default.
    /// </summary>
    private static Dictionary<string, string?> WriteSiteModel(string folder)
    {
        string[] labels = ["Atelectasis", "Pleural effusion", "Pneumothorax"];
        var model = new OnnxGraphBuilder()
            .Input("image", 1, 1, 32, 32)
            .Initializer("W", [1, 3], [0f, 0f, 0f])
            .Initializer("B", [3], [-6f, 6f, -6f])
            .Node("GlobalAveragePool", ["image"], ["pooled"])
            .Node("Flatten", ["pooled"], ["flat"], ("axis", 1L))
            .Node("Gemm", ["flat", "W", "B"], ["logits"])
            .Node("Sigmoid", ["logits"], ["scores"])
            .Output("scores", 1, 3)
            .Build("site-model");
        File.WriteAllBytes(Path.Combine(folder, "site.onnx"), model);
        File.WriteAllLines(Path.Combine(folder, "labels.txt"), labels);
        File.WriteAllText(Path.Combine(folder, "thresholds.json"), JsonSerializer.Serialize(new
        {
            modelVersion = "site-7",
            thresholds = labels.ToDictionary(l => l, _ => 0.5f),
        }));
        return new Dictionary<string, string?>
        {
            ["CityTwin:Imaging:Model:ModelPath"] = Path.Combine(folder, "site.onnx"),
            ["CityTwin:Imaging:Model:LabelsPath"] = Path.Combine(folder, "labels.txt"),
            ["CityTwin:Imaging:Model:ThresholdsPath"] = Path.Combine(folder, "thresholds.json"),
            ["CityTwin:Imaging:Model:ModelVersion"] = "site-7",
            ["CityTwin:Imaging:Model:ModelName"] = "thanh-an-site-model",
            ["CityTwin:Imaging:Model:InputWidth"] = 32.ToString(CultureInfo.InvariantCulture),
            ["CityTwin:Imaging:Model:InputHeight"] = 32.ToString(CultureInfo.InvariantCulture),
        };
    }
}
