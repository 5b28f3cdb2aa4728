using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace CityTwin.Vision.Imaging.Storage;

/// <summary>
/// Part 10 files named by the SHA-256 of their bytes (<c>ab/cd/abcd….dcm</c> under the root). A file is written to a
/// temporary name, flushed, then renamed into place, so a reader never sees half a file and a crash leaves none.
/// </summary>
public sealed class ContentAddressedFiles(IOptions<ImagingOptions> options)
{
    private readonly string root = StoragePaths.Resolve(options.Value.StorageRoot);

    public string Root => root;

    /// <summary>The SHA-256 (hex) and size of the concatenation of <paramref name="parts"/>.</summary>
    public static (string Sha256, long Size) Hash(IReadOnlyList<ReadOnlyMemory<byte>> parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        foreach (var part in parts)
        {
            hash.AppendData(part.Span);
            size += part.Length;
        }
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    /// <summary>
    /// Writes the concatenation of <paramref name="parts"/>, whose hash is <paramref name="sha"/>; returns its path. Files
    /// are created readable by the owner only (0600, folders 0700): they hold images of patients.
    /// </summary>
    public async Task<string> WriteAsync(string sha, IReadOnlyList<ReadOnlyMemory<byte>> parts, CancellationToken cancellationToken)
    {
        var path = PathOf(sha);
        if (File.Exists(path)) return path;
        PrivateFiles.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temp = System.IO.Path.Combine(root, "tmp", $"{Guid.NewGuid():N}.part");
        PrivateFiles.CreateDirectory(System.IO.Path.GetDirectoryName(temp)!);
        try
        {
            await using (var file = PrivateFiles.Create(temp, useAsync: true))
            {
                foreach (var part in parts) await file.WriteAsync(part, cancellationToken);
                file.Flush(flushToDisk: true);
            }
            try { File.Move(temp, path, overwrite: false); }
            catch (IOException) when (File.Exists(path))
            {
                // The same bytes arrived twice at once; the first rename won and holds identical content.
            }
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        return path;
    }

    /// <summary>Where the file with hash <paramref name="sha256"/> lives.</summary>
    public string PathOf(string sha256) => System.IO.Path.Combine(root, sha256[..2], sha256[2..4], sha256 + ".dcm");
}
