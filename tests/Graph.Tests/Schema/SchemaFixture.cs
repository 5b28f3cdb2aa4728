using System.Text.Json;
using CityTwin.Graph.Auth;
using CityTwin.Graph.Execution;
using CityTwin.Graph.Extensions;
using CityTwin.Testing;
using CityTwin.Twin.Demo;
using CityTwin.Twin.Extensions;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Graph.Tests.Schema;

/// <summary>
/// One real PostGIS database and one TestingHost cluster for every schema test class, with the demo city and the
/// <see cref="SchemaSeed"/> loaded once. Documents run through GraphQL.NET's <see cref="DocumentExecuter"/> on the
/// schema from <see cref="GraphQLSchemaExtensions.AddCityTwinSchema"/>, as the transport's runner does.
/// </summary>
public sealed class SchemaFixture : IAsyncLifetime
{
    private static readonly GraphQLSerializer Serializer = new();
    private TwinTestCluster? cluster;

    public TestDatabase Database { get; } = new();

    public TwinTestCluster Cluster => cluster ?? throw new InvalidOperationException("cluster not started");

    public ServiceProvider Services { get; private set; } = null!;

    public ISchema Schema => Services.GetRequiredService<ISchema>();

    public SchemaSeed Seed { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        cluster = await TwinTestCluster.StartAsync(Database);
        await DemoCityLoader.LoadAsync(Cluster.Grains, DemoCity.Load());
        Services = new ServiceCollection()
            .AddLogging()
            .AddTwinDatabase(Database.ConnectionString)
            .AddSingleton<IGrainFactory>(Cluster.Client)
            .AddSingleton(Cluster.Client)
            .AddCityTwinSchema()
            .BuildServiceProvider();
        Seed = await SchemaSeed.LoadAsync(Cluster.Grains);
    }

    /// <summary>Runs a document as <paramref name="caller"/> and returns the result with its JSON form.</summary>
    public async Task<GraphResult> ExecuteAsync(string query, TwinPrincipal caller, object? variables = null)
    {
        var userContext = new TwinUserContext(caller);
        var result = await new DocumentExecuter().ExecuteAsync(new ExecutionOptions
        {
            Schema = Schema,
            Query = query,
            Variables = variables is null ? null : Serializer.Deserialize<Inputs>(JsonSerializer.Serialize(variables)),
            UserContext = userContext,
            RequestServices = Services,
        });
        return new GraphResult(result, JsonDocument.Parse(Serializer.Serialize(result)).RootElement.Clone(), userContext);
    }

    public async Task DisposeAsync()
    {
        if (Services is not null) await Services.DisposeAsync();
        if (cluster is not null) await cluster.DisposeAsync();
        await Database.DisposeAsync();
    }
}
