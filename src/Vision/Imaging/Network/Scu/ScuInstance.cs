namespace CityTwin.Vision.Imaging.Network.Scu;

/// <summary>One instance to send: its identity, the syntax its bytes are in, and the bare data set (no File Meta).</summary>
public sealed record ScuInstance(string SopClassUid, string SopInstanceUid, string TransferSyntaxUid, ReadOnlyMemory<byte> DataSet);
