using CityTwin.Vision.Imaging.Model;
using CityTwin.Vision.Imaging.Model.Demo;
using Microsoft.Extensions.Configuration;

namespace CityTwin.Vision.Imaging.Reading;

/// <summary>The reader a host runs, decided once from configuration: a site's model always wins over the demo model.</summary>
public sealed record ReaderChoice(ReaderKind Kind)
{
    public static ReaderChoice From(IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration[$"{ModelOptions.Section}:{nameof(ModelOptions.ModelPath)}"]))
            return new ReaderChoice(ReaderKind.SiteModel);
        var key = $"{DemoModelOptions.Section}:{nameof(DemoModelOptions.Enabled)}";
        var enabled = configuration[key];
        // Unset (or set empty, as an empty environment variable does) keeps the default: the demo model is on.
        if (string.IsNullOrWhiteSpace(enabled)) return new ReaderChoice(ReaderKind.Demo);
        return bool.TryParse(enabled.Trim(), out var on)
            ? new ReaderChoice(on ? ReaderKind.Demo : ReaderKind.Unread)
            : throw new InvalidOperationException($"{key} is '{enabled}'; use true or false");
    }
}
