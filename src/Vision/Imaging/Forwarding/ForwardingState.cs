namespace CityTwin.Vision.Imaging.Forwarding;

/// <summary>The states of a <c>pacs_forwards</c> row, as stored.</summary>
public static class ForwardingState
{
    /// <summary>Not sent yet.</summary>
    public const string Pending = "Pending";
    /// <summary>An attempt failed for a reason that may pass; the next one is scheduled.</summary>
    public const string Retrying = "Retrying";
    /// <summary>The PACS answered the C-STORE with success.</summary>
    public const string Forwarded = "Forwarded";
    /// <summary>Given up: attempts exhausted, or the PACS refused it for good. The last error says why.</summary>
    public const string DeadLetter = "DeadLetter";

    public const string Image = "image";
    public const string Report = "report";
}
