namespace CityTwin.Twin.Common;

/// <summary>
/// Input the twin refuses: the message names the entity and the reason, and nothing was changed.
/// Serializable so it crosses grain calls intact.
/// </summary>
[GenerateSerializer, Alias("CityTwin.TwinValidationException")]
public sealed class TwinValidationException : Exception
{
    /// <summary>Creates the exception with a message that names the entity and the reason.</summary>
    public TwinValidationException(string message) : base(message) { }

    /// <summary>Fails with <paramref name="message"/> unless <paramref name="condition"/> holds.</summary>
    public static void Require(bool condition, string message)
    {
        if (!condition) throw new TwinValidationException(message);
    }
}
