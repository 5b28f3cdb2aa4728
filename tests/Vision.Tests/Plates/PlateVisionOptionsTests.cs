using CityTwin.Vision;
using CityTwin.Vision.Plates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CityTwin.Vision.Tests.Plates;

/// <summary>Model paths, alphabets, sizes and layouts come from configuration section CityTwin:Vision:Plates.</summary>
public sealed class PlateVisionOptionsTests
{
    [Fact]
    public void AddPlateVision_ConfigurationSection_BindsModelSettings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CityTwin:Vision:Plates:Reader"] = "tesseract",
            ["CityTwin:Vision:Plates:Ocr:ModelPath"] = "/models/vn-plates.onnx",
            ["CityTwin:Vision:Plates:Ocr:Alphabet"] = "0123456789ABCDEFGHKLMNPSTUVXYZ_",
            ["CityTwin:Vision:Plates:Ocr:Width"] = "160",
            ["CityTwin:Vision:Plates:Ocr:Slots"] = "10",
            ["CityTwin:Vision:Plates:Detector:ModelPath"] = "/models/yolo-plates.onnx",
            ["CityTwin:Vision:Plates:Detector:Width"] = "416",
            ["CityTwin:Vision:Plates:TrackTimeout"] = "00:00:02",
        }).Build();
        using var services = new ServiceCollection().AddPlateVision(configuration).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<PlateVisionOptions>>().Value;

        Assert.Equal("tesseract", options.Reader);
        Assert.Equal("/models/vn-plates.onnx", options.Ocr.ResolveModelPath());
        Assert.Equal("0123456789ABCDEFGHKLMNPSTUVXYZ_", options.Ocr.Alphabet);
        Assert.Equal((160, 64, 10), (options.Ocr.Width, options.Ocr.Height, options.Ocr.Slots));
        Assert.Equal(("/models/yolo-plates.onnx", 416), (options.Detector.ModelPath, options.Detector.Width));
        Assert.Equal(TimeSpan.FromSeconds(2), options.TrackTimeout);
        Assert.Same(services.GetRequiredService<VisionMetrics>(), services.GetRequiredService<VisionMetrics>());
    }
}
