using CityTwin.Vision.Imaging.Reading;
using Microsoft.Extensions.Configuration;

namespace CityTwin.Vision.Tests.Imaging.Reading;

/// <summary>The one decision of which reader a host runs: a site's model wins, then the demo model, then none.</summary>
public sealed class ReaderChoiceTests
{
    [Theory]
    [InlineData(null, null, ReaderKind.Demo)]
    [InlineData(null, "true", ReaderKind.Demo)]
    [InlineData(null, "false", ReaderKind.Unread)]
    [InlineData("/srv/models/site.onnx", null, ReaderKind.SiteModel)]
    [InlineData("/srv/models/site.onnx", "false", ReaderKind.SiteModel)]
    [InlineData("  ", "false", ReaderKind.Unread)]
    [InlineData(null, "", ReaderKind.Demo)]
    [InlineData(null, "False", ReaderKind.Unread)]
    public void From_Configuration_ChoosesReader(string? modelPath, string? demoEnabled, ReaderKind expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CityTwin:Imaging:Model:ModelPath"] = modelPath,
            ["CityTwin:Imaging:DemoModel:Enabled"] = demoEnabled,
        }).Build();

        Assert.Equal(expected, ReaderChoice.From(configuration).Kind);
    }

    [Fact]
    public void From_DemoEnabledNotABoolean_ErrorNamesTheKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CityTwin:Imaging:DemoModel:Enabled"] = "maybe",
        }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => ReaderChoice.From(configuration));

        Assert.Contains("CityTwin:Imaging:DemoModel:Enabled", error.Message, StringComparison.Ordinal);
    }
}
