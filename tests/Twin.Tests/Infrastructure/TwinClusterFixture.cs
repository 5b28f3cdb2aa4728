using CityTwin.Testing;

namespace CityTwin.Twin.Tests.Infrastructure;

/// <summary>One database and one 2-silo cluster shared by the tests of a collection (deploying takes seconds).</summary>
public sealed class TwinClusterFixture : IAsyncLifetime
{
    public TestDatabase Database { get; } = new();

    public TwinTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Grains;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Cluster = await TwinTestCluster.StartAsync(Database, silos: 2);
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>Tests that share <see cref="TwinClusterFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class TwinClusterCollection : ICollectionFixture<TwinClusterFixture>
{
    public const string Name = "twin cluster";
}
