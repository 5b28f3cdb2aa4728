namespace CityTwin.Vision.Imaging.Model.Onnx;

/// <summary>
/// Models this project builds itself (no clinical model ships): a brightness classifier whose scores depend on the
/// image's mean input value, for contract tests, and a multi-label head appended to a real backbone, for the benchmark.
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

    /// <summary>
    /// Appends Flatten → Gemm → Sigmoid to <paramref name="backbone"/>'s <paramref name="featureOutput"/> (
    /// <paramref name="features"/> values per image), producing <c>scores</c> [1,labels]. The weights are fixed
    /// pseudo-random numbers: the head costs what a trained one costs, its scores mean nothing.
    /// </summary>
    public static byte[] WithMultiLabelHead(byte[] backbone, string featureOutput, int features, int labels, string? modelVersion = null)
    {
        var random = new Random(6);
        var weights = Enumerable.Range(0, features * labels).Select(_ => (float)(random.NextDouble() - 0.5) * 0.01f).ToArray();
        var biases = new float[labels];
        var head = new OnnxGraphBuilder()
            .Initializer("citytwin_head_W", [features, labels], weights)
            .Initializer("citytwin_head_B", [labels], biases)
            .Node("Flatten", [featureOutput], ["citytwin_head_flat"], ("axis", 1L))
            .Node("Gemm", ["citytwin_head_flat", "citytwin_head_W", "citytwin_head_B"], ["citytwin_head_logits"])
            .Node("Sigmoid", ["citytwin_head_logits"], ["scores"])
            .Output("scores", 1, labels);
        if (modelVersion is not null) head.Metadata("modelVersion", modelVersion);
        return head.AppendTo(backbone);
    }
}
