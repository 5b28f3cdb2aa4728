using CityTwin.Graph.Cli;
using CityTwin.Twin.Planning;

namespace CityTwin.Graph.Tests.Cli;

/// <summary>The plan command's stderr progress bar: what it writes redirected and on a terminal.</summary>
public sealed class PlanProgressBarTests
{
    [Fact]
    public void Line_SolvingWithBound_ShowsBarPercentStageAndGap()
    {
        var line = PlanProgressBar.Line(new PlanProgress("plan-1", PlanStage.Solving, 0.5, Objective: 99, Bound: 100));

        Assert.Equal($"[{new string('#', 15)}{new string('.', 15)}]  50% solving, gap 1.00%", line);
    }

    [Fact]
    public void Report_Redirected_OneLinePerStageOrTenthNeverARedraw()
    {
        var error = new StringWriter();
        var bar = new PlanProgressBar(error, redraw: false);

        bar.Report(new PlanProgress("p", PlanStage.Building, 0));
        bar.Report(new PlanProgress("p", PlanStage.Greedy, 0.1));
        // Several reports within the same tenth of the same stage make one line.
        foreach (var fraction in new[] { 0.11, 0.12, 0.15, 0.19 }) bar.Report(new PlanProgress("p", PlanStage.Solving, fraction, 10, 12));
        bar.Report(new PlanProgress("p", PlanStage.Solving, 0.35, 11, 12));
        bar.Report(new PlanProgress("p", PlanStage.Done, 1, 11, 11));
        bar.Finish();

        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var stages = lines.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"\d+% (\w+)").Groups[1].Value).ToArray();
        Assert.Equal(["building", "greedy", "solving", "solving", "done"], stages);
        Assert.DoesNotContain('\r', error.ToString());
        Assert.EndsWith("100% done, gap 0.00%", lines[^1]);
    }

    [Fact]
    public void Report_Terminal_RedrawsOneLineAndEndsIt()
    {
        var error = new StringWriter();
        var bar = new PlanProgressBar(error, redraw: true);

        bar.Report(new PlanProgress("p", PlanStage.Building, 0));
        bar.Report(new PlanProgress("p", PlanStage.Solving, 0.5, 1, 2));
        bar.Finish();

        var text = error.ToString();
        Assert.Equal(2, text.Count(c => c == '\r'));
        Assert.Equal(1, text.Count(c => c == '\n'));
        Assert.EndsWith("\n", text);
    }
}
