namespace CityTwin.Vision.Imaging;

/// <summary>Where the reader writes what became of a stored instance, next to its stored row.</summary>
public interface IInstanceOutcomes
{
    /// <summary>
    /// Marks a clinic's instance read (<paramref name="rejectReason"/> null) or rejected with a clear reason. SOP instance
    /// UIDs are unique per clinic only, so the clinic is part of the key.
    /// </summary>
    Task SetOutcomeAsync(string clinicId, string sopInstanceUid, InstanceOutcome outcome, string? rejectReason, CancellationToken cancellationToken = default);
}

/// <summary>The life of a stored instance after it was acknowledged.</summary>
public enum InstanceOutcome
{
    /// <summary>Stored and queued for reading.</summary>
    Stored,
    /// <summary>Decoded and read by the model.</summary>
    Read,
    /// <summary>Could not be decoded or read; the reason says why.</summary>
    Rejected,
}
