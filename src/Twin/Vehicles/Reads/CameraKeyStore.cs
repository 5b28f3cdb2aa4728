using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CityTwin.Twin.Cameras;
using CityTwin.Twin.Common;
using Npgsql;

namespace CityTwin.Twin.Vehicles.Reads;

/// <summary>
/// <see cref="ICameraKeyStore"/> on the <c>camera_keys</c> table. Authentication runs on every request and must not
/// wait on the database, so the hashes are held in memory: loaded on first use, updated when this process issues a
/// key, and reloaded (at most every <see cref="ReloadInterval"/>) when an unknown camera key arrives, so a key issued
/// by another process of a cluster is accepted within seconds.
/// </summary>
public sealed class CameraKeyStore(NpgsqlDataSource dataSource, IGrainFactory grains) : ICameraKeyStore
{
    /// <summary>Every camera key starts with this, so other keys never cost a reload.</summary>
    public const string Prefix = "ctcam_";

    private static readonly TimeSpan ReloadInterval = TimeSpan.FromSeconds(5);

    private readonly Lock reloadLock = new();
    private volatile ConcurrentDictionary<string, string>? byHash;
    private long lastReloadTicks;

    /// <inheritdoc />
    public async Task<string> IssueAsync(string cameraId, CancellationToken cancellationToken = default)
    {
        TwinValidationException.Require(!string.IsNullOrWhiteSpace(cameraId) && cameraId.Length <= PlateReadLimits.MaxCameraIdLength,
            $"camera id must be 1..{PlateReadLimits.MaxCameraIdLength} characters");
        TwinValidationException.Require(await grains.GetGrain<ICameraGrain>(cameraId).GetAsync() is not null, $"camera {cameraId}: no such camera");
        var key = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var hash = Hash(key);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO camera_keys (camera_id, key_hash, issued_at) VALUES (@camera, @hash, now())
            ON CONFLICT (camera_id) DO UPDATE SET key_hash = excluded.key_hash, issued_at = excluded.issued_at
            """);
        command.Parameters.AddWithValue("camera", cameraId);
        command.Parameters.AddWithValue("hash", hash);
        await command.ExecuteNonQueryAsync(cancellationToken);

        var keys = Load();
        foreach (var (oldHash, camera) in keys)
            if (camera == cameraId) keys.TryRemove(oldHash, out _);
        keys[Convert.ToHexString(hash)] = cameraId;
        return key;
    }

    /// <inheritdoc />
    public string? FindCamera(string key)
    {
        if (!key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length > 128) return null;
        var hex = Convert.ToHexString(Hash(key));
        // A hash lookup reveals nothing through timing: the key is hashed first, and the dictionary sees only hashes.
        if (Load().TryGetValue(hex, out var camera)) return camera;
        return Reload() && byHash!.TryGetValue(hex, out camera) ? camera : null;
    }

    private ConcurrentDictionary<string, string> Load()
    {
        if (byHash is { } loaded) return loaded;
        Reload(force: true);
        return byHash!;
    }

    /// <summary>Reads every key hash again; false when the last reload was too recent to try.</summary>
    private bool Reload(bool force = false)
    {
        lock (reloadLock)
        {
            var now = Environment.TickCount64;
            if (!force && byHash is not null && now - Interlocked.Read(ref lastReloadTicks) < (long)ReloadInterval.TotalMilliseconds) return false;
            var fresh = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
            using (var command = dataSource.CreateCommand("SELECT key_hash, camera_id FROM camera_keys"))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read()) fresh[Convert.ToHexString(reader.GetFieldValue<byte[]>(0))] = reader.GetString(1);
            }
            byHash = fresh;
            Interlocked.Exchange(ref lastReloadTicks, now);
            return true;
        }
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
