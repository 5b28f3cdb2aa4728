using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;

namespace CityTwin.Vision.Frames;

/// <summary>
/// The images of a folder (jpg, jpeg, png, bmp) in name order, as frames of one camera spaced <c>interval</c> apart
/// from <c>start</c>. A file that does not decode is logged, counted as a corrupt frame and skipped.
/// </summary>
public sealed class ImageFolderFrameSource : IFrameSource
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".bmp" };

    private readonly string _folder;
    private readonly string _cameraId;
    private readonly DateTimeOffset _start;
    private readonly TimeSpan _interval;
    private readonly VisionMetrics? _metrics;
    private readonly ILogger _logger;

    /// <summary>Creates a source over <paramref name="folder"/>.</summary>
    public ImageFolderFrameSource(string folder, string cameraId, DateTimeOffset start, TimeSpan interval,
        VisionMetrics? metrics = null, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentException.ThrowIfNullOrWhiteSpace(cameraId);
        _folder = folder;
        _cameraId = cameraId;
        _start = start;
        _interval = interval;
        _metrics = metrics;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public string Description => $"{_folder} ({_cameraId})";

    /// <inheritdoc />
    public async IAsyncEnumerable<VideoFrame> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(_folder))
        {
            _metrics?.SourceFailure();
            _metrics?.SourceGivenUp();
            _logger.LogError("Camera {Camera}: image folder {Folder} does not exist", _cameraId, _folder);
            yield break;
        }
        var files = Directory.EnumerateFiles(_folder).Where(f => Extensions.Contains(Path.GetExtension(f)))
            .Order(StringComparer.Ordinal).ToList();
        long index = 0;
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var image = Cv2.ImRead(file, ImreadModes.Color);
            if (image.Empty())
            {
                image.Dispose();
                _metrics?.FrameCorrupt();
                _logger.LogWarning("Camera {Camera}: image {File} could not be decoded; skipped", _cameraId, file);
                index++;
                continue;
            }
            yield return new VideoFrame(_cameraId, _start + _interval * index, index, image);
            index++;
            await Task.Yield();
        }
    }
}
