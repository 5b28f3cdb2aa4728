using System.CommandLine;
using CityTwin.Graph.Cli;
using CityTwin.Testing;

namespace CityTwin.Graph.Tests.Cli;

/// <summary>
/// The command line as a person types it at the checkout root: <c>./citytwin</c>, per-command help and the errors a
/// wrong option gives. These run the real wrapper script and the built binary in a child process.
/// </summary>
public sealed class CommandLineAsTypedTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Citytwin_MalformedDatabaseOption_OneClearLineAndExitOne()
    {
        var run = await CitytwinAsync("import geojson --layer roads README.md --db x");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the database connection string is not valid", run.StandardError);
        Assert.DoesNotContain("ArgumentException", run.StandardError);
        Assert.DoesNotContain("   at ", run.StandardError);
    }

    [Fact]
    public void EveryCommand_Help_ListsEachOfItsOptions()
    {
        foreach (var command in Leaves(CityTwinCommandLine.Create()))
        {
            var output = new StringWriter();
            var parse = command.Parents.Any() ? Path(command) : [];
            var exit = CityTwinCommandLine.Create().Parse([.. parse, "--help"]).Invoke(new InvocationConfiguration { Output = output });

            Assert.Equal(0, exit);
            foreach (var option in command.Options.Where(o => !o.Hidden))
                Assert.Contains(option.Name, output.ToString());
        }
    }

    [Fact]
    public async Task Citytwin_RelativePathFromCheckoutRoot_ResolvesAgainstTheCallersDirectory()
    {
        // A file named relative to the checkout root must be found from there, not from src/Graph.
        var run = await CitytwinAsync("import geojson --layer roads tests/no-such-file.geojson");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(System.IO.Path.Combine(Checkout.Root, "tests", "no-such-file.geojson"), run.StandardOutput + run.StandardError);
    }

    private Task<CommandRun> CitytwinAsync(string arguments) =>
        CommandRun.BashAsync($"./citytwin {arguments}", Checkout.Root,
            new Dictionary<string, string> { ["CITYTWIN_DB"] = database.ConnectionString }, Timeout);

    private static IEnumerable<Command> Leaves(Command command) =>
        command.Subcommands.Count == 0 ? [command] : command.Subcommands.SelectMany(Leaves);

    private static string[] Path(Command command)
    {
        var names = new List<string>();
        for (Symbol? symbol = command; symbol is Command { Parents: var parents } c && parents.Any(); symbol = parents.First())
            names.Insert(0, c.Name);
        return [.. names];
    }
}
