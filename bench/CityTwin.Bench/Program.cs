using BenchmarkDotNet.Running;
using CityTwin.Bench.Cost;
using CityTwin.Bench.Fanout;
using CityTwin.Bench.Fire;
using CityTwin.Bench.FrameToAlert;
using CityTwin.Bench.Imaging;
using CityTwin.Bench.Map;
using CityTwin.Bench.Markets;
using CityTwin.Bench.PlateReads;
using CityTwin.Bench.Plates;
using CityTwin.Bench.Sightings;

// Each mode is a load test of one live path (see bench/README.md); `micro` hands the rest of the arguments to
// BenchmarkDotNet.
return args.FirstOrDefault() switch
{
    "sightings" => await RunAsync(SightingsSettings.Parse, SightingsSettings.Usage, SightingsBenchmark.RunAsync),
    "fanout" => await RunAsync(FanoutSettings.Parse, FanoutSettings.Usage, FanoutBenchmark.RunAsync),
    "mapquery" => await RunAsync(FanoutSettings.Parse, FanoutSettings.Usage, MapQueryBenchmark.RunAsync),
    "plate-reads" => await RunAsync(PlateReadsSettings.Parse, PlateReadsSettings.Usage, PlateReadsBenchmark.RunAsync),
    "imaging" => await RunAsync(ImagingSettings.Parse, ImagingSettings.Usage, ImagingBenchmark.RunAsync),
    "imaging-host" => await RunAsync(ImagingSettings.Parse, ImagingSettings.Usage, HostTurnaroundBenchmark.RunAsync),
    "plates" => await RunAsync(PlatesSettings.Parse, PlatesSettings.Usage, PlatesBenchmark.RunAsync),
    "frame-to-alert" => await RunAsync(FrameToAlertSettings.Parse, FrameToAlertSettings.Usage, FrameToAlertBenchmark.RunAsync),
    "imaging-receive" => await ReceiveBenchmark.RunAsync(args[1..]),
    "imaging-receive-orthanc" => await ReceiveVsOrthancBenchmark.RunAsync(args[1..]),
    "dicomweb-query" => await DicomWebQueryBenchmark.RunAsync(args[1..]),
    "imaging-slow-senders" => await SlowSenderBenchmark.RunAsync(args[1..]),
    "basemap" => await BasemapBenchmark.RunAsync(args[1..]),
    "pacs-forward" => await ForwardBenchmark.RunAsync(args[1..]),
    "pacs-forward-reader" => await ReaderForwardBenchmark.RunAsync(args[1..]),
    "map" => await RunAsync(a => MapBenchSettings.Parse([.. a]), $"usage: CityTwin.Bench {MapBenchSettings.Usage}", MapBenchmark.RunAsync),
    "fire-detector" => await RunAsync(FireDetectorSettings.Parse, FireDetectorSettings.Usage, FireDetectorBenchmark.RunAsync),
    "alias-attack" => await AliasAttackBenchmark.RunAsync(args[1..]),
    "incidents" => await RunAsync(CityTwin.Bench.Incidents.IncidentsSettings.Parse, CityTwin.Bench.Incidents.IncidentsSettings.Usage, CityTwin.Bench.Incidents.IncidentsBenchmark.RunAsync),
    "market-flash-sale" => await RunAsync(MarketFlashSaleSettings.Parse, MarketFlashSaleSettings.Usage, MarketFlashSaleBenchmark.RunAsync),
    "coverage" => await CityTwin.Bench.Coverage.CoverageBenchmark.RunAsync(args[1..]),
    "micro" => Micro(),
    _ => Usage(),
};

// Parses the mode's options (exit 2 with its usage on a bad one), then runs it.
async Task<int> RunAsync<TSettings>(Func<IReadOnlyList<string>, TSettings> parse, string usage, Func<TSettings, Task<int>> run)
{
    TSettings settings;
    try
    {
        settings = parse(args[1..]);
    }
    catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
    {
        Console.Error.WriteLine($"{e.Message}\n{usage}");
        return 2;
    }
    return await run(settings);
}

int Micro()
{
    // No filter given: run every micro-benchmark instead of asking interactively.
    var rest = args.Length > 1 ? args[1..] : ["--filter", "*"];
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(SightingsBenchmark).Assembly).Run(rest);
    // A benchmark that failed to build or run shows as "NA" in the table; make it an error exit too.
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}

int Usage()
{
    Console.Error.WriteLine($"usage: CityTwin.Bench sightings|fanout|mapquery|plate-reads|plates|frame-to-alert|imaging|imaging-host|map|basemap|alias-attack|market-flash-sale|fire-detector|coverage [options] | {ReceiveBenchmark.Usage} | {ReceiveVsOrthancBenchmark.Usage} | {DicomWebQueryBenchmark.Usage} | {SlowSenderBenchmark.Usage} | {ForwardBenchmark.Usage} | {ReaderForwardBenchmark.Usage} | micro [BenchmarkDotNet options]");
    Console.Error.WriteLine(string.Join('\n', SightingsSettings.Usage, FanoutSettings.Usage, PlateReadsSettings.Usage, PlatesSettings.Usage, FrameToAlertSettings.Usage, ImagingSettings.Usage));
    return 2;
}
