using CityTwin.Vision.Fire.Baseline;
using CityTwin.Vision.Fire.Model;
using Microsoft.Extensions.Options;

namespace CityTwin.Vision.Fire.Watch;

/// <summary>The one place that turns <see cref="FireWatchOptions"/> into a detector: the trained model or the baseline.</summary>
public sealed class SmokeFireDetectorFactory(IOptions<FireWatchOptions> options)
{
    public ISmokeFireDetector Create()
    {
        var o = options.Value;
        return o.Detector.Trim().ToLowerInvariant() switch
        {
            "own" => new OnnxSmokeFireDetector(
                string.IsNullOrWhiteSpace(o.ModelPath) ? OnnxSmokeFireDetector.DefaultHeadPath : o.ModelPath,
                string.IsNullOrWhiteSpace(o.BackbonePath) ? FireBackbone.DefaultPath : o.BackbonePath,
                o.IntraOpThreads),
            "baseline" => new ColourRuleSmokeFireDetector(useMotion: true),
            _ => throw new FireModelException($"CityTwin:Fire:Detector must be 'own' or 'baseline', got '{o.Detector}'"),
        };
    }
}
