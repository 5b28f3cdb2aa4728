using CityTwin.Vision.Imaging.Model.Onnx;

namespace CityTwin.Vision.Tests.Imaging.Reading;

/// <summary>
/// Models the tests build in-process: a brightness classifier whose scores depend on the image's mean input value, for
/// contract tests.
/// </summary>
public static class SyntheticModels
{
    /// <summary>
    /// image [1,1,H,W] → GlobalAveragePool → Flatten → Gemm(weights, biases) → Sigmoid → scores [1,labels]:
    /// score_k = sigmoid(weights[k] · mean(image) + biases[k]).
    /// </summary>
    public static byte[] BrightnessClassifier(int height, int width, float[] weights, float[] biases, string? modelVersion = null)
    {
        if (weights.Length != biases.Length) throw new ArgumentException("one weight and one bias per label");
        var labels = weights.Length;
        var builder = new OnnxGraphBuilder()
            .Input("image", 1, 1, height, width)
            .Initializer("W", [1, labels], weights)
            .Initializer("B", [labels], biases)
            .Node("GlobalAveragePool", ["image"], ["pooled"])
            .Node("Flatten", ["pooled"], ["flat"], ("axis", 1L))
            .Node("Gemm", ["flat", "W", "B"], ["logits"])
            .Node("Sigmoid", ["logits"], ["scores"])
            .Output("scores", 1, labels);
        if (modelVersion is not null) builder.Metadata("modelVersion", modelVersion);
        return builder.Build("brightness-classifier");
    }
}
