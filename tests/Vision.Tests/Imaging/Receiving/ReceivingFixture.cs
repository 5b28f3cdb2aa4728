using CityTwin.Testing;
using CityTwin.Twin.Clinics;
using CityTwin.Twin.Extensions;
using CityTwin.Twin.Places;
using CityTwin.Twin.Spatial;
using CityTwin.Twin.Wards;
using CityTwin.Vision.Imaging;
using CityTwin.Vision.Imaging.Inbox;
using CityTwin.Vision.Imaging.Network;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Vision.Tests.Imaging.Receiving;

/// <summary>
/// One database, one Orleans cluster and the real receivers for the receiving tests: a clinic that owns the dcmtk
/// default AE titles (STORESCU, ECHOSCU), an SCP on a free loopback port, and a storage root in a temp folder.
/// </summary>
public sealed class ReceivingFixture : IAsyncLifetime
{
    public const string ClinicId = "test-thanh-an";
    public const string WardCode = "27676";
    public const string PseudonymKey = "receiving-tests-secret";

    /// <summary>The instance size limit of this fixture's receivers: the 1 MB chest X-ray fits, a 2 MB one does not.</summary>
    public const long MaxInstanceBytes = 1_500_000;

    public TestDatabase Database { get; } = new();
    public TwinTestCluster Cluster { get; private set; } = null!;
    public ServiceProvider Services { get; private set; } = null!;
    public RecordingImagingReader Reader { get; } = new();
    public string StorageRoot { get; } = Directory.CreateTempSubdirectory("citytwin-imaging-").FullName;
    public string InboxFolder => Path.Combine(StorageRoot, "inbox");
    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Cluster = await TwinTestCluster.StartAsync(Database);
        await Cluster.Grains.GetGrain<IWardGrain>(WardCode).RegisterAsync(new WardDefinition("Thạnh An", "Huyện Cần Giờ", "787", null));
        await Cluster.Grains.GetGrain<IClinicGrain>(ClinicId).RegisterAsync(new ClinicDefinition(
            new Place("Trạm y tế xã Thạnh An", WardCode, new GeoPoint(106.97, 10.54)), ClinicKind.CommuneHealthStation, ["STORESCU", "ECHOSCU"]));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CityTwin:Imaging:StorageRoot"] = StorageRoot,
            ["CityTwin:Imaging:PseudonymKey"] = PseudonymKey,
            ["CityTwin:Imaging:MaxInstanceBytes"] = MaxInstanceBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CityTwin:Imaging:Scp:Port"] = "0",
            ["CityTwin:Imaging:Scp:IdleTimeout"] = "00:00:05",
            ["CityTwin:Imaging:Scp:AssociationRequestTimeout"] = "00:00:02",
            ["CityTwin:Imaging:Inbox:Path"] = InboxFolder,
            ["CityTwin:Imaging:Inbox:ClinicId"] = ClinicId,
            ["CityTwin:Imaging:Inbox:SettleTime"] = "00:00:00",
            ["CityTwin:Imaging:Inbox:ScanInterval"] = "01:00:00",
        }).Build();
        Services = new ServiceCollection()
            .AddLogging()
            .AddTwinDatabase(Database.ConnectionString)
            .AddSingleton(Cluster.Grains)
            .AddSingleton<IImagingReader>(Reader)
            .AddCityTwinImagingReceivers(configuration)
            .BuildServiceProvider();
        var scp = Services.GetRequiredService<StoreScpService>();
        await scp.StartAsync(CancellationToken.None);
        Port = await scp.LocalPort;
    }

    /// <summary>The inbox service, not started: tests call its scan directly instead of waiting on file events.</summary>
    public InboxService Inbox => Services.GetRequiredService<InboxService>();

    public async Task DisposeAsync()
    {
        await Services.GetRequiredService<StoreScpService>().StopAsync(CancellationToken.None);
        await Services.DisposeAsync();
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
        try { Directory.Delete(StorageRoot, recursive: true); }
        catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class ReceivingCollection : ICollectionFixture<ReceivingFixture>
{
    public const string Name = "Imaging receiving";
}
