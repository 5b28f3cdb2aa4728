using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CityTwin.Vision.Imaging.Storage;

/// <summary>
/// Turns a patient id into a keyed hash (HMAC-SHA256 of clinic and id under the deployment secret): stable, so a clinic
/// can follow one patient's studies, but irreversible without the secret and different in every clinic. The secret's
/// file (<c>pseudonym.key</c>) is readable by the owner only (0600).
/// </summary>
public sealed class PatientPseudonymiser
{
    private readonly byte[] key;

    public PatientPseudonymiser(IOptions<ImagingOptions> options)
    {
        var configured = options.Value.PseudonymKey;
        key = configured is { Length: > 0 } ? Encoding.UTF8.GetBytes(configured) : LoadOrCreateKey(StoragePaths.Resolve(options.Value.StorageRoot));
    }

    /// <summary>The pseudonym of <paramref name="patientId"/> at <paramref name="clinicId"/>, 64 hex digits.</summary>
    public string Pseudonymise(string clinicId, string patientId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{clinicId}\n{patientId}")));

    private static byte[] LoadOrCreateKey(string root)
    {
        var path = Path.Combine(root, "pseudonym.key");
        if (File.Exists(path)) return Load(path);
        PrivateFiles.CreateDirectory(root);
        var created = RandomNumberGenerator.GetBytes(32);
        try
        {
            using var file = PrivateFiles.Create(path, useAsync: false);
            file.Write(Encoding.ASCII.GetBytes(Convert.ToHexString(created)));
            return created;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; use theirs so both agree.
            return Load(path);
        }
    }

    /// <summary>Reads the key; a key file others can read (an older one made 0644) is narrowed to 0600 first.</summary>
    private static byte[] Load(string path)
    {
        PrivateFiles.RestrictToOwner(path);
        return Convert.FromHexString(File.ReadAllText(path).Trim());
    }
}
