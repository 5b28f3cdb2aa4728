using CityTwin.Testing;
using CityTwin.Twin.Clinics.Forwarding;
using CityTwin.Twin.Extensions;
using CityTwin.Vision.Imaging;
using CityTwin.Vision.Imaging.Forwarding;
using CityTwin.Vision.Imaging.Network;
using CityTwin.Vision.Imaging.Reading;
using CityTwin.Vision.Tests.Imaging.Reading;
using CityTwin.Vision.Tests.Imaging.Receiving;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CityTwin.Vision.Tests.Imaging.Forwarding;

/// <summary>
/// The receiving side as the host wires it (C-STORE SCP, store, optionally the AI reader with a model built in code)
/// plus PACS forwarding to the peer a test names, on the shared database and cluster. Fast retries: 3 attempts.
/// </summary>
public sealed class ForwardingRig : IAsyncDisposable
{
    public const int MaxAttempts = 3;

    private readonly ForwardingFixture fixture;
    private readonly string folder = Directory.CreateTempSubdirectory("citytwin-forward-").FullName;

    private ForwardingRig(ForwardingFixture fixture, ServiceProvider services, int port)
    {
        this.fixture = fixture;
        Services = services;
        Port = port;
    }

    public ServiceProvider Services { get; }

    public int Port { get; }

    public string Folder => folder;

    /// <summary>What the services logged (information and up).</summary>
    public CapturedLog Log { get; private init; } = new();

    public static async Task<ForwardingRig> StartAsync(ForwardingFixture fixture, string host, int port, string calledAe, bool withReader = false,
        TimeSpan? responseTimeout = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["CityTwin:Imaging:StorageRoot"] = Path.Combine(fixture.StorageRoot, Guid.NewGuid().ToString("N")),
            ["CityTwin:Imaging:PseudonymKey"] = "forwarding-tests-secret",
            ["CityTwin:Imaging:Scp:Port"] = "0",
            ["CityTwin:Imaging:Pacs:Host"] = host,
            ["CityTwin:Imaging:Pacs:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CityTwin:Imaging:Pacs:CalledAeTitle"] = calledAe,
            ["CityTwin:Imaging:Pacs:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CityTwin:Imaging:Pacs:InitialDelay"] = "00:00:00.05",
            ["CityTwin:Imaging:Pacs:MaxDelay"] = "00:00:00.2",
            ["CityTwin:Imaging:Pacs:ConnectTimeout"] = "00:00:02",
            ["CityTwin:Imaging:Pacs:ResponseTimeout"] = (responseTimeout ?? TimeSpan.FromSeconds(10)).ToString(),
            ["CityTwin:Imaging:Pacs:PollInterval"] = "00:00:00.1",
        };
        var log = new CapturedLog();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(log))
            .AddTwinDatabase(fixture.Database.ConnectionString)
            .AddSingleton(fixture.Cluster.Grains);
        if (withReader)
        {
            var model = TestModels.Write(Directory.CreateTempSubdirectory("citytwin-model-").FullName, brightBias: 8);
            settings["CityTwin:Imaging:Model:ModelPath"] = model.ModelPath;
            settings["CityTwin:Imaging:Model:LabelsPath"] = model.LabelsPath;
            settings["CityTwin:Imaging:Model:ThresholdsPath"] = model.ThresholdsPath;
            settings["CityTwin:Imaging:Model:ModelVersion"] = model.ModelVersion;
            settings["CityTwin:Imaging:Model:InputWidth"] = model.InputWidth.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["CityTwin:Imaging:Model:InputHeight"] = model.InputHeight.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["CityTwin:Imaging:Model:Normalization"] = model.Normalization.ToString();
            settings["CityTwin:Imaging:Decoder:Workers"] = "1";
        }
        // Without a site model the host's choice would be the demo model; these tests want the study left unread.
        settings["CityTwin:Imaging:DemoModel:Enabled"] = "false";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        services.AddCityTwinImagingReader(configuration);
        var provider = services
            .AddCityTwinImagingReceivers(configuration)
            .AddCityTwinPacsForwarding(configuration)
            .BuildServiceProvider();
        var scp = provider.GetRequiredService<StoreScpService>();
        await scp.StartAsync(CancellationToken.None);
        await provider.GetRequiredService<PacsForwarder>().StartAsync(CancellationToken.None);
        return new ForwardingRig(fixture, provider, await scp.LocalPort) { Log = log };
    }

    /// <summary>Sends a file with dcmtk's storescu as the clinic's AE title.</summary>
    public async Task SendAsync(string path)
    {
        var result = await Dcmtk.RunAsync("storescu", "-aet", "STORESCU", "-aec", "CITYTWIN", "127.0.0.1", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), path);
        Assert.True(result.ExitCode == 0, result.Output);
    }

    /// <summary>Waits until the row of <paramref name="kind"/> from <paramref name="sourceId"/> is settled (forwarded or dead).</summary>
    public async Task<PacsForwardRow> SettledAsync(string kind, string sourceId, TimeSpan timeout)
    {
        PacsForwardRow? row = null;
        for (var deadline = DateTime.UtcNow + timeout; DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            await using var db = fixture.Database.CreateContext();
            row = await db.Set<PacsForwardRow>().AsNoTracking().FirstOrDefaultAsync(r => r.Kind == kind && r.SourceId == sourceId);
            if (row?.State is ForwardingState.Forwarded or ForwardingState.DeadLetter) return row;
        }
        throw new TimeoutException($"{kind} {sourceId} did not settle; last seen {row?.State ?? "no row"} ({row?.LastError}){Environment.NewLine}{Log}");
    }

    public async ValueTask DisposeAsync()
    {
        await Services.GetRequiredService<PacsForwarder>().StopAsync(CancellationToken.None);
        await Services.GetRequiredService<StoreScpService>().StopAsync(CancellationToken.None);
        await Services.DisposeAsync();
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
    }
}
