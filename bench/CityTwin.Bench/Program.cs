using BenchmarkDotNet.Running;
using CityTwin.Bench.Plates;
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
    case "plates":
        PlatesSettings plates;
        try
        {
            plates = PlatesSettings.Parse(args[1..]);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine($"{e.Message}\n{PlatesSettings.Usage}");
            return 2;
        }
        return await PlatesBenchmark.RunAsync(plates);
    case "micro":
        // No filter given: run every micro-benchmark instead of asking interactively.
        var rest = args.Length > 1 ? args[1..] : ["--filter", "*"];
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest);
        // A benchmark that failed to build or run shows as "NA" in the table; make it an error exit too.
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    default:
        Console.Error.WriteLine($"usage: CityTwin.Bench sightings [options] | plates [options] | micro [BenchmarkDotNet options]\n{SightingsSettings.Usage}\n{PlatesSettings.Usage}");
        return 2;
}
