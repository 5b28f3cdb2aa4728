namespace CityTwin.Vision.Fire.Evaluation;

/// <summary>One detector's figures over a labelled folder.</summary>
public sealed record FireEvalResult(string Detector, FireClassTally Smoke, FireClassTally Fire, int Images, int Unreadable,
    double CpuSeconds, double WallSeconds)
{
    /// <summary>Images per CPU-second: the detector runs on one thread, so this is its rate on one core.</summary>
    public double ImagesPerCoreSecond => CpuSeconds <= 0 ? 0 : Images / CpuSeconds;

    public FireClassTally For(FireClass kind) => kind == FireClass.Smoke ? Smoke : Fire;
}
