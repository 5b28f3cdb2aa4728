namespace CityTwin.Vision.Plates;

/// <summary>
/// How an ONNX plate OCR model is fed and decoded. The defaults describe fast-plate-ocr's <c>cct_xs_v1_global</c>:
/// uint8 NHWC RGB input [N,64,128,3], output [N,9,37], one softmax per character slot, <c>_</c> as padding.
/// </summary>
public sealed class PlateOcrModelOptions
{
    /// <summary>The model file; when empty, <c>$CITYTWIN_SHARED/models/fast-plate-ocr/cct_xs_v1_global.onnx</c>.</summary>
    public string? ModelPath { get; set; }

    /// <summary>The characters of the output classes, in class order.</summary>
    public string Alphabet { get; set; } = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_";

    /// <summary>The padding class; slots that decode to it are dropped.</summary>
    public char PadCharacter { get; set; } = '_';

    /// <summary>Input width in pixels.</summary>
    public int Width { get; set; } = 128;

    /// <summary>Input height in pixels.</summary>
    public int Height { get; set; } = 64;

    /// <summary>Character slots in the output.</summary>
    public int Slots { get; set; } = 9;

    /// <summary>Input tensor name.</summary>
    public string InputName { get; set; } = "input";

    /// <summary>Output tensor name; empty takes the model's first output.</summary>
    public string OutputName { get; set; } = "";

    /// <summary>Channel order the model was trained on: <c>RGB</c> or <c>BGR</c>.</summary>
    public string ColorOrder { get; set; } = "RGB";

    /// <summary>Resolves <see cref="ModelPath"/>, falling back to the shared models folder.</summary>
    public string ResolveModelPath()
    {
        if (!string.IsNullOrWhiteSpace(ModelPath)) return ModelPath;
        var shared = Environment.GetEnvironmentVariable("CITYTWIN_SHARED");
        var root = string.IsNullOrWhiteSpace(shared) ? Path.Combine(RepositoryRoot(), "..", "shared") : shared;
        return Path.GetFullPath(Path.Combine(root, "models", "fast-plate-ocr", "cct_xs_v1_global.onnx"));
    }

    /// <summary>The checkout root (where CityTwin.slnx is), searched up from the working and the program's folder.</summary>
    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
                if (File.Exists(Path.Combine(directory.FullName, "CityTwin.slnx"))) return directory.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
