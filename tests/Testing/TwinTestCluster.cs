using CityTwin.Twin.Events;
using CityTwin.Twin.Extensions;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace CityTwin.Testing;

/// <summary>
/// A real Orleans cluster (TestingHost) whose silos run the twin against a <see cref="TestDatabase"/>.
/// Each cluster gets its own ClusterId so a silo left behind by another test never delays it.
/// </summary>
public sealed class TwinTestCluster : IAsyncDisposable
{
    private const string DatabaseKey = "CityTwin:TestDb";

    private TwinTestCluster(TestCluster cluster) => Cluster = cluster;

    public TestCluster Cluster { get; }

    public IGrainFactory Grains => Cluster.GrainFactory;

    public IClusterClient Client => Cluster.Client;

    /// <summary>Deploys <paramref name="silos"/> silos on the database.</summary>
    public static async Task<TwinTestCluster> StartAsync(TestDatabase database, short silos = 1)
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.ClusterId = $"citytwin-test-{Guid.NewGuid():N}";
        builder.Properties[DatabaseKey] = database.ConnectionString;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new TwinTestCluster(cluster);
    }

    /// <summary>Subscribes to a twin stream and collects what arrives.</summary>
    public async Task<EventRecorder> RecordAsync(string streamNamespace)
    {
        var recorder = new EventRecorder();
        var stream = Client.GetStreamProvider(TwinStreams.Provider).GetStream<TwinEvent>(TwinStreams.For(streamNamespace));
        recorder.Subscription = await stream.SubscribeAsync(recorder);
        return recorder;
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.AddCityTwin(siloBuilder.Configuration[DatabaseKey]
                ?? throw new InvalidOperationException("the test cluster has no database"));
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.AddMemoryStreams(TwinStreams.Provider);
    }
}
