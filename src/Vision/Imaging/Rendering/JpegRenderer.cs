using CityTwin.Vision.Imaging.Decoding;
using CityTwin.Vision.Imaging.Preprocessing;
using Microsoft.Extensions.Options;
using OpenCvSharp;

namespace CityTwin.Vision.Imaging.Rendering;

/// <summary>
/// Renders a stored instance's first frame as a JPEG for viewers (WADO-RS <c>/rendered</c>): decoded in the isolated
/// GDCM worker pool, never in this process, then windowed as the reader windows it (the file's VOI window, MONOCHROME1
/// inverted) and encoded by OpenCV. Results are kept in a <see cref="RenderedImageCache"/> (<see cref="RenderingOptions"/>),
/// so a viewer paging back and forth does not decode the same film again.
/// </summary>
public sealed class JpegRenderer(DecoderPool decoder, IOptions<RenderingOptions> options)
{
    private readonly RenderedImageCache cache = new(Math.Max(0, options.Value.CacheBytes));

    /// <summary>The cache, for its figures.</summary>
    public RenderedImageCache Cache => cache;

    /// <summary>The JPEG, or null and the reason the instance cannot be rendered.</summary>
    public async Task<(byte[]? Jpeg, string? Error)> RenderAsync(string path, int quality, CancellationToken cancellationToken)
    {
        quality = Math.Clamp(quality, 1, 100);
        var key = RenderedImageCache.KeyOf(path, quality);
        if (cache.TryGet(key, out var cached)) return (cached, null);
        var decoded = await decoder.DecodeAsync(path, cancellationToken);
        if (decoded.Frame is not { } frame) return (null, decoded.RejectReason);
        using var display = ImagePreprocessor.Display(frame);
        using var grey = new Mat();
        display.ConvertTo(grey, MatType.CV_8UC1, 255.0);
        Cv2.ImEncode(".jpg", grey, out var jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, quality));
        cache.Add(key, jpeg);
        return (jpeg, null);
    }
}
