using System.CommandLine;

namespace CityTwin.Graph.Cli;

/// <summary>The <c>citytwin</c> command line: <c>serve</c> runs the product, <c>import</c> loads GIS layers.</summary>
public static class CityTwinCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("CityTwin — a real-time geospatial digital twin of Thu Duc City");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(ReplayCommand.Create());
        root.Subcommands.Add(PlanCommand.Create());
        return root;
    }
}
