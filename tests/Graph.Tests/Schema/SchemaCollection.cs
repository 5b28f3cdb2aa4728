namespace CityTwin.Graph.Tests.Schema;

/// <summary>The schema test classes share one database and cluster and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SchemaCollection : ICollectionFixture<SchemaFixture>
{
    public const string Name = "schema";
}
