using System.Globalization;

namespace CityTwin.Bench.Imaging;

/// <summary>Options of <c>CityTwin.Bench imaging</c>.</summary>
public sealed record ImagingSettings
{
    /// <summary>Readings sent one at a time for the turnaround percentiles.</summary>
    public int Sequential { get; init; } = 40;

    /// <summary>Readings sent by the concurrent senders for the throughput figure.</summary>
    public int Concurrent { get; init; } = 40;

    /// <summary>Senders (and readings in progress) at once in the throughput phase.</summary>
    public int Senders { get; init; } = 4;

    /// <summary>GDCM worker processes.</summary>
    public int Workers { get; init; } = 2;

    /// <summary>ONNX Runtime threads per inference; 0: ONNX Runtime's choice.</summary>
    public int IntraOpThreads { get; init; }

    public string? Database { get; init; }

    public string? Dicom { get; init; }

    public const string Usage = """
        imaging|imaging-host [--sequential N] [--concurrent N] [--senders N] [--workers N] [--threads N] [--db CONN] [--dicom FILE]
          imaging: turnaround from "received" to the imagingResults event (on the stream) for the 1024x1024 NIH chest
          X-ray (default: $CITYTWIN_SHARED/data/dicom/nih_chest_xray_nccid/...dcm) through the GDCM worker pool, OpenCV
          preprocessing, the demo model (real ResNet18 backbone from NuGet Microsoft.ML.DnnImageFeaturizer.ResNet18
          0.23.1 with the 95-label seeded head), the clinic grain and PostGIS, with a reader built here.
          imaging-host: the same file sent by dcmtk storescu to the host as the product starts it (AddCityTwinHost,
          demo model), each time as a new study; last byte received -> result on the clinic key's imagingResults
          WebSocket subscription. --db defaults to env CITYTWIN_DB.
        """;

    public static ImagingSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new ImagingSettings();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Number() => int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
            settings = args[i] switch
            {
                "--sequential" => settings with { Sequential = Number() },
                "--concurrent" => settings with { Concurrent = Number() },
                "--senders" => settings with { Senders = Math.Max(1, Number()) },
                "--workers" => settings with { Workers = Math.Max(1, Number()) },
                "--threads" => settings with { IntraOpThreads = Number() },
                "--db" => settings with { Database = Value() },
                "--dicom" => settings with { Dicom = Value() },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return settings;
    }
}
