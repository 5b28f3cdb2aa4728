using CityTwin.Testing;
using CityTwin.Vision.Tests.Imaging.Reading;

namespace CityTwin.Vision.Tests.Imaging.Forwarding;

/// <summary>One database and Orleans cluster with the test clinic (AE title STORESCU) for the forwarding tests.</summary>
public sealed class ForwardingFixture : IAsyncLifetime
{
    public TestDatabase Database { get; } = new();
    public TwinTestCluster Cluster { get; private set; } = null!;
    public string StorageRoot { get; } = Directory.CreateTempSubdirectory("citytwin-forwarding-").FullName;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Cluster = await TwinTestCluster.StartAsync(Database);
        await TestClinic.RegisterAsync(Cluster.Grains);
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
        try { Directory.Delete(StorageRoot, recursive: true); }
        catch (IOException) { }
    }
}
