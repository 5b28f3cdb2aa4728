using System.Text;

namespace CityTwin.Vision.Tests.Plates;

/// <summary>
/// Writes tiny ONNX models that take fast-plate-ocr's input (uint8 [N,64,128,3]) and return garbage, so the pipeline's
/// handling of a misbehaving model runs on the real ONNX Runtime. The protobuf is encoded by hand (field numbers from
/// onnx.proto) because the project has no ONNX writer and the models need only a handful of messages.
/// </summary>
internal static class TinyOnnxModel
{
    private const int Float = 1, Int64 = 7, UInt8 = 2;

    /// <summary>
    /// Output float [N,64,384] with free dimensions: loads, then returns the wrong shape on every run. The target shape
    /// is an overridable initializer (also a graph input), so ONNX Runtime cannot infer the output shape at load.
    /// </summary>
    public static byte[] WrongShape() => Model(
        [Node("Cast", ["input"], ["f"], Attribute("to", Float)), Node("Reshape", ["f", "shape"], ["out"])],
        [Int64Tensor("shape", [-1, 64, 384])],
        ValueInfo("shape", Int64, ["3"]));

    /// <summary>Output float [N,9,37] of NaN (square roots of negative numbers): the right shape, garbage values.</summary>
    public static byte[] NotANumber() => Model(
        [
            Node("Cast", ["input"], ["f"], Attribute("to", Float)),
            Node("Reshape", ["f", "flat"], ["g"]),
            Node("Slice", ["g", "starts", "ends", "axes"], ["h"]),
            Node("Sub", ["h", "offset"], ["negative"]),
            Node("Sqrt", ["negative"], ["nan"]),
            Node("Reshape", ["nan", "shape"], ["out"]),
        ],
        [
            Int64Tensor("flat", [-1, 64 * 128 * 3]), Int64Tensor("starts", [0]), Int64Tensor("ends", [9 * 37]),
            Int64Tensor("axes", [1]), Int64Tensor("shape", [-1, 9, 37]), FloatScalar("offset", 1000f),
        ]);

    private static byte[] Model(byte[][] nodes, byte[][] initializers, byte[]? extraInput = null)
    {
        var graph = new Proto();
        foreach (var node in nodes) graph.Bytes(1, node);
        graph.String(2, "garbage");
        foreach (var initializer in initializers) graph.Bytes(5, initializer);
        graph.Bytes(11, ValueInfo("input", UInt8, ["N", "64", "128", "3"]));
        if (extraInput is not null) graph.Bytes(11, extraInput);
        graph.Bytes(12, ValueInfo("out", Float, ["N", "a", "b"]));
        var opset = new Proto().String(1, "").Int(2, 13);
        return new Proto().Int(1, 8).Bytes(8, opset.ToArray()).Bytes(7, graph.ToArray()).ToArray();
    }

    private static byte[] Node(string op, string[] inputs, string[] outputs, byte[]? attribute = null)
    {
        var node = new Proto();
        foreach (var input in inputs) node.String(1, input);
        foreach (var output in outputs) node.String(2, output);
        node.String(4, op);
        if (attribute is not null) node.Bytes(5, attribute);
        return node.ToArray();
    }

    // AttributeProto: name = 1, i = 3, type = 20 (INT = 2).
    private static byte[] Attribute(string name, long value) => new Proto().String(1, name).Int(3, value).Int(20, 2).ToArray();

    // TensorProto: dims = 1, data_type = 2, float_data = 4, int64_data = 7, name = 8.
    private static byte[] Int64Tensor(string name, long[] values)
    {
        var tensor = new Proto().Int(1, values.Length).Int(2, Int64);
        foreach (var value in values) tensor.Int(7, value);
        return tensor.String(8, name).ToArray();
    }

    private static byte[] FloatScalar(string name, float value) =>
        new Proto().Int(2, Float).Fixed32(4, BitConverter.SingleToInt32Bits(value)).String(8, name).ToArray();

    // ValueInfoProto { name = 1, type = 2 { tensor_type = 1 { elem_type = 1, shape = 2 { dim = 1 { value = 1 | param = 2 } } } } }
    private static byte[] ValueInfo(string name, int elementType, string[] dims)
    {
        var shape = new Proto();
        foreach (var dim in dims)
            shape.Bytes(1, long.TryParse(dim, out var size) ? new Proto().Int(1, size).ToArray() : new Proto().String(2, dim).ToArray());
        var tensor = new Proto().Int(1, elementType).Bytes(2, shape.ToArray());
        return new Proto().String(1, name).Bytes(2, new Proto().Bytes(1, tensor.ToArray()).ToArray()).ToArray();
    }

    /// <summary>The few protobuf wire types these messages need.</summary>
    private sealed class Proto
    {
        private readonly MemoryStream _stream = new();

        public Proto Int(int field, long value)
        {
            Varint((ulong)(field << 3));
            Varint((ulong)value);
            return this;
        }

        public Proto Fixed32(int field, int value)
        {
            Varint((ulong)((field << 3) | 5));
            _stream.Write(BitConverter.GetBytes(value));
            return this;
        }

        public Proto String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

        public Proto Bytes(int field, byte[] value)
        {
            Varint((ulong)((field << 3) | 2));
            Varint((ulong)value.Length);
            _stream.Write(value);
            return this;
        }

        public byte[] ToArray() => _stream.ToArray();

        private void Varint(ulong value)
        {
            while (value >= 0x80)
            {
                _stream.WriteByte((byte)(value | 0x80));
                value >>= 7;
            }
            _stream.WriteByte((byte)value);
        }
    }
}
