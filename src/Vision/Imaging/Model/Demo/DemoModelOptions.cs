namespace CityTwin.Vision.Imaging.Model.Demo;

/// <summary>
/// The demo model (<c>CityTwin:Imaging:DemoModel</c>): read studies with it while no site model is configured, so a
/// newcomer sees the whole path. Its results are never clinical.
/// </summary>
public sealed class DemoModelOptions
{
    public const string Section = "CityTwin:Imaging:DemoModel";

    /// <summary>On by default; off, a host without <c>CityTwin:Imaging:Model:ModelPath</c> leaves studies unread.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The ResNet18 backbone; default: <c>models/ResNet18.onnx</c> beside the binary (copied by the build).</summary>
    public string BackbonePath { get; set; } = "";

    /// <summary>Where the composed model is written; default: <c>models/</c> under the imaging storage root.</summary>
    public string Directory { get; set; } = "";

    /// <summary>ONNX Runtime threads per inference; 0 lets ONNX Runtime choose.</summary>
    public int IntraOpThreads { get; set; }
}
