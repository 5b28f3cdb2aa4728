using System.Net.Http.Headers;
using CityTwin.Graph.DicomWeb;
using CityTwin.Graph.Extensions;
using CityTwin.Testing;
using CityTwin.Twin.Clinics;
using CityTwin.Twin.Extensions;
using CityTwin.Twin.Places;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Wards;
using CityTwin.Vision.Imaging;
using CityTwin.Vision.Imaging.Reading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CityTwin.Graph.Tests.DicomWeb;

/// <summary>
/// A real Kestrel host serving STOW-RS on a real database and Orleans cluster, with a clinic, a key for it, and
/// operator and planner keys. The C-STORE SCP is off here; its own tests run it.
/// </summary>
public class StowRsHost : IAsyncLifetime
{
    public const string ClinicId = "stow-thanh-an";
    public const string ClinicKey = "cl-stow-3f9a2c7e1b5d8046";
    public const string OperatorKey = "op-stow-8e1d4b7a2c9f0536";
    public const string PlannerKey = "pl-stow-1a7c3e9b5d2f4068";
    public const string OtherClinicId = "stow-other-clinic";
    public const string OtherClinicKey = "cl-stow-other-5b2e8d1f7a";
    /// <summary>A third key of the first clinic, for the rate test alone: it spends its own bucket.</summary>
    public const string RateTestKey = "cl-stow-rate-9c4f2a6e1d";

    /// <summary>STOW-RS requests per minute per key: more than any test here sends, except on <see cref="RateLimitedStowRsHost"/>.</summary>
    public virtual int RequestsPerMinutePerKey => 100_000;
    public const long MaxInstanceBytes = 1_500_000;
    public const long MaxRequestBytes = 4_000_000;

    private WebApplication? app;

    public TestDatabase Database { get; } = new();
    public TwinTestCluster Cluster { get; private set; } = null!;
    public string StorageRoot { get; } = Directory.CreateTempSubdirectory("citytwin-stow-").FullName;
    public Uri BaseUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Cluster = await TwinTestCluster.StartAsync(Database);
        await Cluster.Grains.GetGrain<IWardGrain>("27676").RegisterAsync(new WardDefinition("Thạnh An", "Huyện Cần Giờ", "787", null));
        await Cluster.Grains.GetGrain<IClinicGrain>(ClinicId).RegisterAsync(new ClinicDefinition(
            new Place("Trạm y tế xã Thạnh An", "27676", new GeoPoint(106.97, 10.54)), ClinicKind.CommuneHealthStation, ["STORESCU"]));
        await Cluster.Grains.GetGrain<IClinicGrain>(OtherClinicId).RegisterAsync(new ClinicDefinition(
            new Place("Trạm y tế khác", "27676", new GeoPoint(106.96, 10.55)), ClinicKind.CommuneHealthStation, ["OTHERSCU"]));

        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CityTwin:KeysFile"] = Path.Combine(StorageRoot, "no-keys-file.json"),
            [$"CityTwin:ApiKeys:{ClinicKey}"] = $"clinic:{ClinicId}",
            [$"CityTwin:ApiKeys:{OperatorKey}"] = "operator",
            [$"CityTwin:ApiKeys:{PlannerKey}"] = "planner",
            [$"CityTwin:ApiKeys:{OtherClinicKey}"] = $"clinic:{OtherClinicId}",
            [$"CityTwin:ApiKeys:{RateTestKey}"] = $"clinic:{ClinicId}",
            ["CityTwin:Imaging:DicomWeb:RequestsPerMinutePerKey"] = RequestsPerMinutePerKey.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CityTwin:Imaging:StorageRoot"] = StorageRoot,
            ["CityTwin:Imaging:PseudonymKey"] = "stow-tests-secret",
            ["CityTwin:Imaging:MaxInstanceBytes"] = MaxInstanceBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CityTwin:Imaging:DicomWeb:MaxRequestBytes"] = MaxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CityTwin:Imaging:Scp:Enabled"] = "false",
            ["CityTwin:Imaging:DemoModel:Enabled"] = "false",
        });
        builder.Services.AddTwinDatabase(Database.ConnectionString);
        builder.Services.AddSingleton(Cluster.Grains);
        builder.Services.AddCityTwinTransport(builder.Configuration);
        builder.Services.AddCityTwinImagingDicomWeb(builder.Configuration);
        builder.Services.AddCityTwinImagingReader(builder.Configuration);
        app = builder.Build();
        app.MapCityTwinDicomWeb();
        await app.StartAsync();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/dicomweb/");
    }

    public HttpClient Client(string? key)
    {
        var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public async Task DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
        try { Directory.Delete(StorageRoot, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>The same host with a per-key rate low enough for a test to exceed it.</summary>
public sealed class RateLimitedStowRsHost : StowRsHost
{
    public override int RequestsPerMinutePerKey => 40;
}
