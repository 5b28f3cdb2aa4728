namespace CityTwin.Vision.Imaging.Network;

/// <summary>A peer broke the Upper Layer protocol; the association is aborted (A-ABORT) and the connection closed.</summary>
public sealed class DicomProtocolException(string message) : Exception(message);
