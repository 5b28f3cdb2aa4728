using BenchmarkDotNet.Attributes;
using CityTwin.Twin.Plates;

namespace CityTwin.Bench.Micro;

/// <summary>The plate work done per camera read: parse the OCR text, match it against a watched key.</summary>
[MemoryDiagnoser, ShortRunJob]
public class PlateBenchmarks
{
    // Inputs as OCR emits them: a one-line car plate and a two-line motorbike plate with its line break.
    private const string OneLine = "51G-123.45";
    private const string TwoLine = "59-X1\n123.45";

    [Benchmark]
    public PlateNumber ParseOneLine() => PlateNumber.Parse(OneLine);

    [Benchmark]
    public PlateNumber ParseTwoLine() => PlateNumber.Parse(TwoLine);

    [Benchmark]
    public PlateMatch MatchExact() => PlateMatcher.Match("59X112345", "59X112345");

    /// <summary>8 read as B: the one confusion the matcher tolerates.</summary>
    [Benchmark]
    public PlateMatch MatchOneConfusion() => PlateMatcher.Match("59X112B45", "59X112845");

    [Benchmark]
    public PlateMatch MatchOtherProvince() => PlateMatcher.Match("51X112345", "59X112345");

    [Benchmark]
    public IReadOnlyList<string> OneConfusionVariants() => PlateMatcher.OneConfusionVariants("59X112345");
}
