namespace CityTwin.Training.Fire;

/// <summary>
/// One featurised patch: which image and augmentation it came from, how much smoke and fire it holds
/// (cover = share of the patch inside boxes; box share = largest share of one box inside the patch) and its features.
/// </summary>
public sealed record PatchRecord(int Image, int Variant, int Patch, float SmokeCover, float SmokeBoxShare,
    float FireCover, float FireBoxShare, float[] Features)
{
    public void Write(BinaryWriter writer)
    {
        writer.Write(Image);
        writer.Write((byte)Variant);
        writer.Write((byte)Patch);
        writer.Write(SmokeCover);
        writer.Write(SmokeBoxShare);
        writer.Write(FireCover);
        writer.Write(FireBoxShare);
        writer.Write(Features.Length);
        foreach (var f in Features) writer.Write(f);
    }

    public static PatchRecord Read(BinaryReader reader)
    {
        var image = reader.ReadInt32();
        var variant = reader.ReadByte();
        var patch = reader.ReadByte();
        var sc = reader.ReadSingle();
        var sb = reader.ReadSingle();
        var fc = reader.ReadSingle();
        var fb = reader.ReadSingle();
        var features = new float[reader.ReadInt32()];
        for (var i = 0; i < features.Length; i++) features[i] = reader.ReadSingle();
        return new PatchRecord(image, variant, patch, sc, sb, fc, fb, features);
    }

    public static IEnumerable<PatchRecord> ReadAll(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        while (reader.BaseStream.Position < reader.BaseStream.Length) yield return Read(reader);
    }
}
