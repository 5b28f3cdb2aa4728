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
        var demo = configuration.GetSection(DemoModelOptions.Section).Get<DemoModelOptions>() ?? new DemoModelOptions();
        return new ReaderChoice(demo.Enabled ? ReaderKind.Demo : ReaderKind.Unread);
    }
}
