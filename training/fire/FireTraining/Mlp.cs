namespace CityTwin.Training.Fire;

/// <summary>
/// A one-hidden-layer perceptron with sigmoid outputs (one per class), trained with Adam on a weighted binary
/// cross-entropy; inputs are standardised, and the standardisation is folded into the first layer on export.
/// </summary>
public sealed class Mlp
{
    public int Inputs { get; }
    public int Hidden { get; }
    public int Outputs { get; }
    public float[] W1, B1, W2, B2; // W1 [Inputs, Hidden], W2 [Hidden, Outputs], row-major
    public float[] Mean, Std;

    private readonly float[][] _m, _v;
    private int _step;

    public Mlp(int inputs, int hidden, int outputs, Random random)
    {
        Inputs = inputs; Hidden = hidden; Outputs = outputs;
        W1 = Init(inputs * hidden, Math.Sqrt(2.0 / inputs), random);
        B1 = new float[hidden];
        W2 = Init(hidden * outputs, Math.Sqrt(1.0 / hidden), random);
        B2 = new float[outputs];
        Mean = new float[inputs];
        Std = Enumerable.Repeat(1f, inputs).ToArray();
        _m = [new float[W1.Length], new float[B1.Length], new float[W2.Length], new float[B2.Length]];
        _v = [new float[W1.Length], new float[B1.Length], new float[W2.Length], new float[B2.Length]];
    }

    public void FitStandardisation(IReadOnlyList<float[]> rows)
    {
        for (var j = 0; j < Inputs; j++)
        {
            double sum = 0, squares = 0;
            foreach (var r in rows) { sum += r[j]; squares += r[j] * r[j]; }
            var mean = sum / rows.Count;
            Mean[j] = (float)mean;
            Std[j] = (float)Math.Sqrt(Math.Max(1e-6, squares / rows.Count - mean * mean));
        }
    }

    public float[] Predict(float[] x) => Forward(Standardise(x), out _);

    /// <summary>One Adam step on a minibatch; targets and weights are per output (weight 0 = ignore).</summary>
    public double Step(IReadOnlyList<(float[] X, float[] Target, float[] Weight)> batch, float learningRate, float l2, float dropout, Random random)
    {
        var g = new[] { new float[W1.Length], new float[B1.Length], new float[W2.Length], new float[B2.Length] };
        double loss = 0;
        foreach (var (raw, target, weight) in batch)
        {
            var x = Standardise(raw);
            var keep = new bool[Hidden];
            for (var h = 0; h < Hidden; h++) keep[h] = random.NextDouble() >= dropout;
            var y = Forward(x, out var hidden, keep, 1f / (1 - dropout));
            var dh = new float[Hidden];
            for (var o = 0; o < Outputs; o++)
            {
                if (weight[o] == 0) continue;
                var p = Math.Clamp(y[o], 1e-6f, 1 - 1e-6f);
                loss -= weight[o] * (target[o] * Math.Log(p) + (1 - target[o]) * Math.Log(1 - p));
                var d = weight[o] * (y[o] - target[o]);
                g[3][o] += d;
                for (var h = 0; h < Hidden; h++) { g[2][h * Outputs + o] += d * hidden[h]; dh[h] += d * W2[h * Outputs + o]; }
            }
            for (var h = 0; h < Hidden; h++)
            {
                if (hidden[h] <= 0) continue;
                var d = dh[h] / (1 - dropout);
                g[1][h] += d;
                for (var i = 0; i < Inputs; i++) g[0][i * Hidden + h] += d * x[i];
            }
        }
        _step++;
        var parameters = new[] { W1, B1, W2, B2 };
        for (var k = 0; k < 4; k++)
        {
            var decay = k % 2 == 0 ? l2 : 0;
            for (var i = 0; i < parameters[k].Length; i++)
            {
                var grad = g[k][i] / batch.Count + decay * parameters[k][i];
                _m[k][i] = 0.9f * _m[k][i] + 0.1f * grad;
                _v[k][i] = 0.999f * _v[k][i] + 0.001f * grad * grad;
                var mHat = _m[k][i] / (1 - Math.Pow(0.9, _step));
                var vHat = _v[k][i] / (1 - Math.Pow(0.999, _step));
                parameters[k][i] -= (float)(learningRate * mHat / (Math.Sqrt(vHat) + 1e-8));
            }
        }
        return loss / batch.Count;
    }

    private float[] Standardise(float[] x)
    {
        var s = new float[Inputs];
        for (var i = 0; i < Inputs; i++) s[i] = (x[i] - Mean[i]) / Std[i];
        return s;
    }

    private float[] Forward(float[] x, out float[] hidden, bool[]? keep = null, float scale = 1)
    {
        hidden = new float[Hidden];
        for (var h = 0; h < Hidden; h++) hidden[h] = B1[h];
        for (var i = 0; i < Inputs; i++)
        {
            var xi = x[i];
            if (xi == 0) continue;
            var row = i * Hidden;
            for (var h = 0; h < Hidden; h++) hidden[h] += xi * W1[row + h];
        }
        for (var h = 0; h < Hidden; h++)
            hidden[h] = keep is not null && !keep[h] ? 0 : Math.Max(0, hidden[h]) * (keep is null ? 1 : scale);
        var y = new float[Outputs];
        for (var o = 0; o < Outputs; o++)
        {
            var z = B2[o];
            for (var h = 0; h < Hidden; h++) z += hidden[h] * W2[h * Outputs + o];
            y[o] = 1f / (1f + MathF.Exp(-z));
        }
        return y;
    }

    /// <summary>The first layer with the standardisation folded in: W' = W / std, b' = b − Σ W·mean/std.</summary>
    public (float[] W, float[] B) FoldedFirstLayer()
    {
        var w = new float[W1.Length];
        var b = (float[])B1.Clone();
        for (var i = 0; i < Inputs; i++)
            for (var h = 0; h < Hidden; h++)
            {
                w[i * Hidden + h] = W1[i * Hidden + h] / Std[i];
                b[h] -= W1[i * Hidden + h] * Mean[i] / Std[i];
            }
        return (w, b);
    }

    /// <summary>
    /// One MLP whose output is the sigmoid of the members' mean logit: their standardised first layers side by side
    /// (so its own standardisation is the identity) and their second layers stacked, each divided by the member count.
    /// </summary>
    public static Mlp AverageOfLogits(IReadOnlyList<Mlp> members)
    {
        var inputs = members[0].Inputs;
        var outputs = members[0].Outputs;
        var hidden = members.Sum(m => m.Hidden);
        var combined = new Mlp(inputs, hidden, outputs, new Random(0));
        var offset = 0;
        foreach (var member in members)
        {
            var (w, b) = member.FoldedFirstLayer();
            for (var i = 0; i < inputs; i++)
                for (var h = 0; h < member.Hidden; h++) combined.W1[i * hidden + offset + h] = w[i * member.Hidden + h];
            for (var h = 0; h < member.Hidden; h++)
            {
                combined.B1[offset + h] = b[h];
                for (var o = 0; o < outputs; o++) combined.W2[(offset + h) * outputs + o] = member.W2[h * outputs + o] / members.Count;
            }
            offset += member.Hidden;
        }
        for (var o = 0; o < outputs; o++) combined.B2[o] = members.Average(m => m.B2[o]);
        return combined;
    }

    private static float[] Init(int n, double scale, Random random)
    {
        var a = new float[n];
        for (var i = 0; i < n; i++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            a[i] = (float)(scale * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }
        return a;
    }
}
