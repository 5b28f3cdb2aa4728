using CityTwin.Vision.Imaging.Model;
using CityTwin.Vision.Imaging.Model.Demo;

namespace CityTwin.Bench.Imaging;

/// <summary>
/// The model the benchmark reads with: the product's demo model (the pretrained ResNet18 backbone with its 95-label
/// seeded head), composed into a temp folder — the cost of a trained head on that backbone.
/// </summary>
public static class BenchModel
{
    public static ModelOptions Write(string folder, int intraOpThreads)
    {
        var options = DemoModel.Options(new DemoModelOptions { IntraOpThreads = intraOpThreads }, folder);
        DemoModel.EnsureComposed(options);
        Console.WriteLine($"model {DemoModel.Name} {DemoModel.Version}: backbone {DemoModel.DefaultBackbonePath}, {File.ReadAllLines(options.LabelsPath).Length} labels");
        return options;
    }
}
