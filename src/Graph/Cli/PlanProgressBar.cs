using System.Globalization;
using CityTwin.Twin.Planning;

namespace CityTwin.Graph.Cli;

/// <summary>
/// The plan command's progress bar, on stderr so that stdout keeps only the result (its last line is the summary
/// scripts read). On a terminal one line is redrawn in place; redirected, a line is written per stage or per 10% step.
/// </summary>
public sealed class PlanProgressBar(TextWriter error, bool redraw) : IProgress<PlanProgress>
{
    private const int Width = 30;
    private readonly Lock gate = new();
    private PlanStage? lastStage;
    private int lastTenth = -1;
    private bool drawn;

    /// <summary>The bar for this process: redrawn in place when stderr is a terminal.</summary>
    public static PlanProgressBar ForConsole() => new(Console.Error, !Console.IsErrorRedirected);

    /// <summary>One bar line: <c>[#####.....]  42% solving, gap 1.20%</c>.</summary>
    public static string Line(PlanProgress progress)
    {
        var fraction = Math.Clamp(progress.Fraction, 0, 1);
        var filled = (int)Math.Round(fraction * Width);
        var gap = progress.GapPercent is { } g ? string.Create(CultureInfo.InvariantCulture, $", gap {g:F2}%") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('.', Width - filled)}] {fraction * 100,3:F0}% {progress.Stage.ToString().ToLowerInvariant()}{gap}");
    }

    public void Report(PlanProgress value)
    {
        lock (gate)
        {
            var tenth = (int)(Math.Clamp(value.Fraction, 0, 1) * 10);
            if (redraw)
            {
                error.Write($"\r{Line(value)}\u001b[K");
                drawn = true;
            }
            else if (value.Stage != lastStage || tenth > lastTenth)
                error.WriteLine(Line(value));
            (lastStage, lastTenth) = (value.Stage, tenth);
            error.Flush();
        }
    }

    /// <summary>Ends the redrawn line so that what follows starts on a fresh one.</summary>
    public void Finish()
    {
        lock (gate)
            if (drawn) error.WriteLine();
    }
}
