using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace CityTwin.Twin.Incidents.Snapshots;

/// <summary>
/// <see cref="IIncidentSnapshotStore"/> on disk: <c>ab/abcd….jpg</c> under the root, written to a temporary file and
/// renamed into place (a reader never sees half a file), mode 0600 in folders 0700: a snapshot may show people.
/// </summary>
public sealed class IncidentSnapshotStore(IOptions<IncidentSnapshotOptions> options) : IIncidentSnapshotStore
{
    private readonly string root = Path.GetFullPath(options.Value.SnapshotRoot);

    public async Task<string> StoreAsync(byte[] jpeg, CancellationToken cancellationToken = default)
    {
        var id = Convert.ToHexStringLower(SHA256.HashData(jpeg));
        var path = PathOf(id);
        if (File.Exists(path)) return id;
        var folder = Path.GetDirectoryName(path)!;
        CreatePrivateFolder(root);
        CreatePrivateFolder(folder);
        var temporary = Path.Combine(folder, $".{id}.{Guid.NewGuid():N}.tmp");
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var file = new FileStream(temporary, fileOptions))
            await file.WriteAsync(jpeg, cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return id;
    }

    public async Task<byte[]?> ReadAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!IsSnapshotId(id)) return null;
        var path = PathOf(id);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }

    /// <summary>True for 64 lowercase hex digits: ids are checked before they become paths.</summary>
    public static bool IsSnapshotId(string? id) => id is { Length: 64 } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    private string PathOf(string id) => Path.Combine(root, id[..2], id + ".jpg");

    private static void CreatePrivateFolder(string folder)
    {
        if (Directory.Exists(folder)) return;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
