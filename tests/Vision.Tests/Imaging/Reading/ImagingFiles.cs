using CityTwin.Testing;
using CityTwin.Vision.Imaging.Decoding;
using CityTwin.Vision.Imaging.DecodeWorker;
using Microsoft.Extensions.Options;

namespace CityTwin.Vision.Tests.Imaging.Reading;

/// <summary>A temp folder for one test: copies of shared DICOM files, fault marker files, and a pool over them.</summary>
public sealed class ImagingFiles : IDisposable
{
    public const string NihChestXray = "nih_chest_xray_nccid/1.3.6.1.4.1.11129.5.5.110503645592756492463169821050252582267888.dcm";

    public string Folder { get; } = Directory.CreateTempSubdirectory("citytwin-imaging-").FullName;

    /// <summary>A copy of a file under <c>data/dicom</c>, as a receiver would have stored it; null when the dataset is absent.</summary>
    public string? Shared(string relative)
    {
        var source = SharedData.File("data", "dicom", relative);
        if (source is null) return null;
        var target = Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".dcm");
        File.Copy(source, target);
        return target;
    }

    /// <summary>A file that makes a fault-injecting worker crash, hang or answer garbage.</summary>
    public string Fault(string fault)
    {
        var path = Path.Combine(Folder, $"{fault}-{Guid.NewGuid():N}.dcm");
        File.WriteAllText(path, "CITYTWIN-FAULT:" + fault);
        return path;
    }

    public static DecoderPool Pool(int workers = 2, TimeSpan? timeout = null, bool faults = false) =>
        new(Options.Create(new DecoderPoolOptions { Workers = workers, Timeout = timeout ?? TimeSpan.FromSeconds(10), EnableFaultInjection = faults }));

    /// <summary>A uniform grey MONOCHROME2 frame of stored values.</summary>
    public static DecodedFrame Uniform(int rows, int columns, float value, string photometric = "MONOCHROME2") => new()
    {
        Rows = rows, Columns = columns, BitsAllocated = 16, BitsStored = 12, PixelRepresentation = 0, SamplesPerPixel = 1,
        PhotometricInterpretation = photometric, NumberOfFrames = 1, RescaleSlope = 1, RescaleIntercept = 0,
        WindowCenter = 2048, WindowWidth = 4096, Pixels = Enumerable.Repeat(value, rows * columns).ToArray(),
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A worker may still hold a file open while it is being killed; the temp folder is cleaned by the OS.
        }
    }
}
