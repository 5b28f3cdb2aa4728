using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using CityTwin.Graph.Cli;
using CityTwin.Testing;

namespace CityTwin.Graph.Tests.Cli;

/// <summary>
/// <c>citytwin eval fire</c> on the shared valid/ split through the real command: the trained model and the baseline
/// side by side, with regression floors a little under what the committed model measured (docs/models/fire-detector.md).
/// </summary>
public sealed class EvalFireCommandTests
{
    // Measured on valid/ with the committed head: smoke F1 0.95, fire F1 0.94 (docs/models/fire-detector.md).
    private const double SmokeFloor = 0.85;
    private const double FireFloor = 0.85;

    [SkippableFact]
    public async Task EvalFire_ValidSplit_PrintsBothDetectorsAndMeetsTheFloors()
    {
        var valid = ValidDirectory();
        Skip.If(valid is null, SharedData.Missing);

        var (exit, output, error) = await RunAsync("--images", Path.Combine(valid!, "images"), "--labels", Path.Combine(valid!, "labels"));

        Assert.True(exit == 0, error);
        var smokeOwn = F1(output, "smoke own");
        var fireOwn = F1(output, "fire own");
        Assert.True(smokeOwn >= SmokeFloor, output);
        Assert.True(fireOwn >= FireFloor, output);
        Assert.True(F1(output, "smoke baseline") < smokeOwn, output);
        Assert.True(F1(output, "fire baseline") < fireOwn, output);
        Assert.Matches(@"smoke own boxes P [0-9.]+ R [0-9.]+ at IoU 0\.5", output);
        Assert.Matches(@"speed own [0-9.]+ images/s per core", output);
        Assert.Matches(@"speed baseline [0-9.]+ images/s per core", output);
    }

    [Fact]
    public async Task EvalFire_MissingFolder_ExitsOneWithReason()
    {
        var (exit, _, error) = await RunAsync("--images", "/nonexistent/images", "--labels", "/nonexistent/labels");

        Assert.Equal(1, exit);
        Assert.Contains("image folder /nonexistent/images does not exist", error);
    }

    [SkippableFact]
    public async Task EvalFire_MissingModel_ExitsOneNamingIt()
    {
        var valid = ValidDirectory();
        Skip.If(valid is null, SharedData.Missing);

        var (exit, _, error) = await RunAsync("--images", Path.Combine(valid!, "images"), "--labels", Path.Combine(valid!, "labels"),
            "--model", "/nonexistent/head.onnx");

        Assert.Equal(1, exit);
        Assert.Contains("/nonexistent/head.onnx", error);
    }

    private static double F1(string output, string prefix)
    {
        var match = Regex.Match(output, $@"^{prefix} F1 ([0-9.]+) P [0-9.]+ R [0-9.]+", RegexOptions.Multiline);
        Assert.True(match.Success, $"no '{prefix} F1' line in:\n{output}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static string? ValidDirectory() =>
        SharedData.Root is { } root && Path.Combine(root, "data", "fire", "roboflow_fire-wrpgm_v8", "valid") is var path
            && Directory.Exists(Path.Combine(path, "images")) ? path : null;

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CityTwinCommandLine.Create().Parse(["eval", "fire", .. arguments])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
