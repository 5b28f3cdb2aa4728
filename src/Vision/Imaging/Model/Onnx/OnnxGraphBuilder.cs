namespace CityTwin.Vision.Imaging.Model.Onnx;

/// <summary>
/// Builds small ONNX models in code by writing the ModelProto protobuf directly (field numbers from onnx.proto):
/// float inputs and outputs, float initializers, and nodes with int or float attributes. Enough for test models and
/// for a classification head appended to a real backbone (<see cref="AppendTo"/>).
/// </summary>
public sealed class OnnxGraphBuilder
{
    private const int FloatType = 1; // TensorProto.DataType.FLOAT
    private readonly List<Action<ProtoWriter>> nodes = [];
    private readonly List<Action<ProtoWriter>> initializers = [];
    private readonly List<Action<ProtoWriter>> inputs = [];
    private readonly List<Action<ProtoWriter>> outputs = [];
    private readonly Dictionary<string, string> metadata = new(StringComparer.Ordinal);

    /// <summary>A float input; a null dimension is symbolic (e.g. the batch).</summary>
    public OnnxGraphBuilder Input(string name, params long?[] shape)
    {
        inputs.Add(w => w.Message(11, v => ValueInfo(v, name, shape)));
        return this;
    }

    public OnnxGraphBuilder Output(string name, params long?[] shape)
    {
        outputs.Add(w => w.Message(12, v => ValueInfo(v, name, shape)));
        return this;
    }

    /// <summary>A constant float tensor, row-major.</summary>
    public OnnxGraphBuilder Initializer(string name, long[] shape, float[] values)
    {
        if (shape.Aggregate(1L, (a, b) => a * b) != values.Length)
            throw new ArgumentException($"initializer {name}: shape [{string.Join(",", shape)}] does not hold {values.Length} values");
        var raw = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, raw, 0, raw.Length);
        initializers.Add(w => w.Message(5, t =>
        {
            foreach (var d in shape) t.Int64(1, d); // dims
            t.Int32(2, FloatType).String(8, name).Bytes(9, raw); // data_type, name, raw_data (little-endian)
        }));
        return this;
    }

    /// <summary>A node; attribute values may be long (INT) or float (FLOAT).</summary>
    public OnnxGraphBuilder Node(string opType, string[] nodeInputs, string[] nodeOutputs, params (string Name, object Value)[] attributes)
    {
        var name = $"{opType}_{nodes.Count}";
        nodes.Add(w => w.Message(1, n =>
        {
            foreach (var i in nodeInputs) n.String(1, i);
            foreach (var o in nodeOutputs) n.String(2, o);
            n.String(3, name).String(4, opType);
            foreach (var (attributeName, value) in attributes)
            {
                n.Message(5, a =>
                {
                    a.String(1, attributeName);
                    switch (value)
                    {
                        case float f: a.Float(2, f).Int32(20, 1); break; // f, type FLOAT
                        case long l: a.Int64(3, l).Int32(20, 2); break; // i, type INT
                        case int i: a.Int64(3, i).Int32(20, 2); break;
                        default: throw new ArgumentException($"attribute {attributeName}: only int, long and float are supported");
                    }
                });
            }
        }));
        return this;
    }

    /// <summary>A key/value in the model's metadata_props, e.g. <c>modelVersion</c>.</summary>
    public OnnxGraphBuilder Metadata(string key, string value)
    {
        metadata[key] = value;
        return this;
    }

    /// <summary>A complete model: IR version 8, default-domain opset 13.</summary>
    public byte[] Build(string graphName = "citytwin")
    {
        var model = new ProtoWriter()
            .Int64(1, 8) // ir_version
            .String(2, "citytwin") // producer_name
            .Message(8, o => o.String(1, "").Int64(2, 13)) // opset_import
            .Message(7, g => WriteGraph(g, graphName));
        foreach (var (key, value) in metadata) model.Message(14, m => m.String(1, key).String(2, value));
        return model.ToArray();
    }

    /// <summary>
    /// Appends this builder's nodes, initializers and outputs to an existing model's graph. Protobuf merges a repeated
    /// embedded message field, so writing a second graph field after the original adds to its lists; the original
    /// outputs stay, and a caller picks the new one by name.
    /// </summary>
    public byte[] AppendTo(byte[] model)
    {
        var extra = new ProtoWriter().Message(7, g => WriteGraph(g, null));
        foreach (var (key, value) in metadata) extra.Message(14, m => m.String(1, key).String(2, value));
        return [.. model, .. extra.ToArray()];
    }

    private void WriteGraph(ProtoWriter graph, string? name)
    {
        foreach (var node in nodes) node(graph);
        if (name is not null) graph.String(2, name);
        foreach (var initializer in initializers) initializer(graph);
        foreach (var input in inputs) input(graph);
        foreach (var output in outputs) output(graph);
    }

    /// <summary>ValueInfoProto: name, then TypeProto.tensor_type with a float element type and the shape.</summary>
    private static void ValueInfo(ProtoWriter info, string name, long?[] shape) =>
        info.String(1, name).Message(2, type => type.Message(1, tensor =>
        {
            tensor.Int32(1, FloatType);
            tensor.Message(2, dims =>
            {
                for (var i = 0; i < shape.Length; i++)
                {
                    var value = shape[i];
                    dims.Message(1, d =>
                    {
                        if (value is { } fixedSize) d.Int64(1, fixedSize);
                        else d.String(2, $"{name}_d{i}");
                    });
                }
            });
        }));
}
