using CityTwin.Graph.Extensions;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Graph.Tests.Schema;

/// <summary>
/// The printed SDL must equal the committed <c>schema.graphql</c>, so every change to the API shows up in review.
/// Run with <c>UPDATE_SNAPSHOT=1</c> to rewrite the file after an intended change.
/// </summary>
public sealed class SchemaSnapshotTests
{
    [Fact]
    public void Schema_Printed_MatchesCommittedSnapshot()
    {
        // The schema as the host serves it: queries, mutations and the live subscription root.
        using var services = new ServiceCollection().AddLogging().AddCityTwinSchema().AddCityTwinLive().BuildServiceProvider();
        var printed = services.GetRequiredService<ISchema>().Print().ReplaceLineEndings("\n").TrimEnd() + "\n";
        var path = SnapshotPath();

        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOT") == "1")
        {
            File.WriteAllText(path, printed);
            return;
        }
        Assert.True(File.Exists(path), $"no snapshot at {path}; run the test with UPDATE_SNAPSHOT=1 to write it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), printed);
    }

    [Fact]
    public void Schema_WithoutLiveSubscriptions_HasQueryAndMutationOnly()
    {
        using var services = new ServiceCollection().AddLogging().AddCityTwinSchema().BuildServiceProvider();
        var schema = services.GetRequiredService<ISchema>();
        schema.Initialize();
        Assert.Equal("Query", schema.Query.Name);
        Assert.Equal("Mutation", schema.Mutation?.Name);
    }

    /// <summary>The committed file beside this source file, found from the build output up to the repository root.</summary>
    private static string SnapshotPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CityTwin.slnx")))
            directory = directory.Parent;
        var root = directory?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
        return Path.Combine(root, "tests", "Graph.Tests", "Schema", "schema.graphql");
    }
}
