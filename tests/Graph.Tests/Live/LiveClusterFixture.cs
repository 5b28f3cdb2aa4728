using CityTwin.Graph.Extensions;
using CityTwin.Graph.Live;
using CityTwin.Graph.Schema;
using CityTwin.Graph.Schema.Live;
using CityTwin.Testing;
using CityTwin.Twin.Events;
using CityTwin.Twin.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace CityTwin.Graph.Tests.Live;

/// <summary>
/// One database and one 2-silo TestingHost cluster whose silos run the twin and the live fan-out, as the host does.
/// <see cref="TwinTestCluster"/> takes no extra silo configurator, so this fixture builds the cluster the same way
/// (own ClusterId, the twin on the test database) and adds <see cref="LiveExtensions.AddCityTwinLive"/> to each silo.
/// </summary>
public sealed class LiveClusterFixture : IAsyncLifetime
{
    private const string DatabaseKey = "CityTwin:TestDb";

    public TestDatabase Database { get; } = new();

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    /// <summary>The silos, in start order.</summary>
    public IReadOnlyList<InProcessSiloHandle> Silos => Cluster.Silos.Cast<InProcessSiloHandle>().ToList();

    /// <summary>The services of a silo: its hub, its grain factory, the graph types.</summary>
    public IServiceProvider ServicesOf(int silo) => Silos[silo].SiloHost.Services;

    /// <summary>A minimal schema on a silo's services: a placeholder query root and the live subscription root.</summary>
    public GraphQL.Types.ISchema SchemaOf(int silo) => schemas.GetOrAdd(silo, i => LiveGraphQL.CreateSchema(ServicesOf(i)));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, GraphQL.Types.ISchema> schemas = new();

    /// <summary>
    /// The product's whole schema (queries, mutations, subscriptions) over silo 0's live hub and the test database, for
    /// tests that read a query and a subscription side by side.
    /// </summary>
    public IServiceProvider FullServices => fullServices ??= new ServiceCollection()
        .AddLogging()
        .AddTwinDatabase(Database.ConnectionString)
        .AddSingleton(Grains)
        .AddSingleton(ServicesOf(0).GetRequiredService<ILiveEvents>())
        .AddSingleton<TwinSubscriptionType>()
        .AddSingleton<ITwinSubscriptionRoot>(sp => sp.GetRequiredService<TwinSubscriptionType>())
        .AddCityTwinSchema()
        .BuildServiceProvider();

    /// <summary>The schema of <see cref="FullServices"/>.</summary>
    public GraphQL.Types.ISchema FullSchema => FullServices.GetRequiredService<GraphQL.Types.ISchema>();

    private ServiceProvider? fullServices;

    /// <summary>The live hub of a silo.</summary>
    public LiveEventHub HubOf(int silo) => ServicesOf(silo).GetRequiredService<LiveEventHub>();

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var builder = new TestClusterBuilder(2);
        builder.Options.ClusterId = $"citytwin-live-{Guid.NewGuid():N}";
        builder.Properties[DatabaseKey] = Database.ConnectionString;
        builder.AddSiloBuilderConfigurator<LiveSiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        await LiveTestCity.RegisterAsync(Grains);
    }

    public async Task DisposeAsync()
    {
        if (fullServices is not null) await fullServices.DisposeAsync();
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
    }

    private sealed class LiveSiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddCityTwin(siloBuilder.Configuration[DatabaseKey] ?? throw new InvalidOperationException("the test cluster has no database"));
            siloBuilder.Services.AddCityTwinLive();
            // Short enough that a test can watch a lost stream subscription come back.
            siloBuilder.Services.Configure<LiveOptions>(o => o.SubscriptionCheckInterval = TimeSpan.FromSeconds(1));
            // The default placement favours the least-loaded silo, which under load can put every test grain on one
            // silo; random placement makes "a grain on each silo" near-certain within the tests' 64 tries.
            siloBuilder.Services.AddSingleton<Orleans.Runtime.PlacementStrategy, Orleans.Runtime.RandomPlacement>();
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.AddMemoryStreams(TwinStreams.Provider);
    }
}

/// <summary>Tests that share <see cref="LiveClusterFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class LiveClusterCollection : ICollectionFixture<LiveClusterFixture>
{
    public const string Name = "live cluster";
}
