namespace CityTwin.Vision.Imaging.Network.Scu;

/// <summary>The peer's C-STORE-RSP for one instance: its status (PS3.4 B.2.3) and error comment.</summary>
public sealed record ScuStoreResult(string SopInstanceUid, ushort Status, string? ErrorComment)
{
    /// <summary>Success (0000) or a warning (0001, Bxxx, 0107, 0116): the peer keeps the instance.</summary>
    public bool Stored => Status is 0x0000 or 0x0001 or 0x0107 or 0x0116 || (Status & 0xF000) == 0xB000;

    /// <summary>Refused: out of resources (A7xx) is worth retrying; anything else would be refused again.</summary>
    public bool Transient => (Status & 0xFF00) == 0xA700;

    /// <summary>"0xC000: reason", as logs and the clinic see it.</summary>
    public string Describe() => ErrorComment is { Length: > 0 } ? $"0x{Status:X4}: {ErrorComment}" : $"0x{Status:X4}";
}
