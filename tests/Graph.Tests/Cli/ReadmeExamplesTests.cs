using System.Text.RegularExpressions;
using CityTwin.Testing;
using CityTwin.Twin.Demo;

namespace CityTwin.Graph.Tests.Cli;

/// <summary>
/// The README's command examples, copied as a newcomer copies them and run from the checkout root. Only the safe ones
/// run: <c>./citytwin</c> lines with no placeholder (<c>&lt;…&gt;</c>, <c>[…]</c>, <c>FILE</c>) that neither start a
/// server nor talk to the one <c>./run</c> starts on port 5080 (<c>replay</c>; the replay tests start their own host).
/// They write into the test database only.
/// </summary>
public sealed partial class ReadmeExamplesTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [SkippableFact]
    public async Task Readme_CitytwinExamples_RunAsWrittenFromTheCheckoutRoot()
    {
        Skip.If(SharedData.Root is null, SharedData.Missing);
        // The README's examples come after a first ./run, which registers the demo city (the ward layer names its wards).
        await using (var cluster = await TwinTestCluster.StartAsync(database))
            await DemoCityLoader.LoadAsync(cluster.Grains, DemoCity.Load());
        var examples = SafeExamples(await File.ReadAllTextAsync(Path.Combine(Checkout.Root, "README.md")));
        Assert.NotEmpty(examples);

        foreach (var example in examples)
        {
            // The README names the datasets as ../shared; a CI machine may keep them elsewhere (CITYTWIN_SHARED).
            var commandLine = example.Replace("../shared/", SharedData.Root!.TrimEnd('/') + "/", StringComparison.Ordinal);
            var run = await CommandRun.BashAsync(commandLine, Checkout.Root,
                new Dictionary<string, string> { ["CITYTWIN_DB"] = database.ConnectionString }, TimeSpan.FromMinutes(5));

            Assert.True(run.ExitCode == 0, $"`{example}` exited {run.ExitCode}:\n{run.StandardError}\n{run.StandardOutput}");
        }
        Assert.True((long)(await database.ScalarAsync("SELECT count(*) FROM roads"))! > 2000);
    }

    [Fact]
    public void SafeExamples_PlaceholdersAndServers_AreLeftOut()
    {
        var readme = "text\n```\n./citytwin import <geojson> FILE\n./citytwin serve\n./citytwin replay market ben-thanh\n./citytwin eval plates --images d --truth t\n```\n./citytwin outside\n";

        Assert.Equal(["./citytwin eval plates --images d --truth t"], SafeExamples(readme));
    }

    private static List<string> SafeExamples(string readme) =>
        FencedBlock().Matches(readme)
            .SelectMany(block => block.Groups["body"].Value.Split('\n'))
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("./citytwin ", StringComparison.Ordinal))
            .Where(line => !Placeholder().IsMatch(line) && !NeedsARunningHost(line))
            .ToList();

    private static bool NeedsARunningHost(string line) =>
        line.StartsWith("./citytwin serve", StringComparison.Ordinal) || line.StartsWith("./citytwin replay", StringComparison.Ordinal);

    [GeneratedRegex(@"^```[^\n]*\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"[<\[]|\bFILE\b|\bDIR\b")]
    private static partial Regex Placeholder();
}
