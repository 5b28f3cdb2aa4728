namespace CityTwin.Graph.Schema.Clinics;

/// <summary>Where forwarding a study to the clinic's PACS stands (GraphQL enum <c>ForwardingState</c>).</summary>
public enum ForwardingState
{
    /// <summary>Not sent yet.</summary>
    Pending,
    /// <summary>The PACS confirmed every item (image and AI report).</summary>
    Forwarded,
    /// <summary>An attempt failed for a reason that may pass; another is scheduled.</summary>
    Retrying,
    /// <summary>Given up; <c>lastError</c> says why.</summary>
    DeadLetter,
}
