namespace CityTwin.Vision.Imaging.Network.Scu;

/// <summary>
/// The association with a peer failed before every instance was answered. <see cref="Transient"/> tells the retry
/// policy whether trying again later can help (down, timed out, busy) or not (our AE title refused, no context).
/// </summary>
public sealed class PacsException(string message, bool transient, Exception? inner = null) : Exception(message, inner)
{
    public bool Transient { get; } = transient;
}
