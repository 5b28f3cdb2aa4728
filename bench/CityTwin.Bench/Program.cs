using BenchmarkDotNet.Running;
using CityTwin.Bench.Map;
using CityTwin.Bench.Sightings;

// `sightings` is a load test of the live path; `micro` hands the rest of the arguments to BenchmarkDotNet.
switch (args.FirstOrDefault())
{
    case "sightings":
        SightingsSettings settings;
        try
        {
            settings = SightingsSettings.Parse(args[1..]);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine($"{e.Message}\n{SightingsSettings.Usage}");
            return 2;
        }
        return await SightingsBenchmark.RunAsync(settings);
    case "map":
        MapBenchSettings mapSettings;
        try
        {
            mapSettings = MapBenchSettings.Parse(args[1..]);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"{e.Message}\nusage: CityTwin.Bench {MapBenchSettings.Usage}");
            return 2;
        }
        return await MapBenchmark.RunAsync(mapSettings);
    case "micro":
        // No filter given: run every micro-benchmark instead of asking interactively.
        var rest = args.Length > 1 ? args[1..] : ["--filter", "*"];
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(SightingsBenchmark).Assembly).Run(rest);
        // A benchmark that failed to build or run shows as "NA" in the table; make it an error exit too.
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    default:
        Console.Error.WriteLine($"usage: CityTwin.Bench sightings [options] | map [options] | micro [BenchmarkDotNet options]\n{SightingsSettings.Usage}");
        return 2;
}
