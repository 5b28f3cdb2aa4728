namespace CityTwin.Twin.Vehicles.Reads;

/// <summary>What became of a batch of plate reads.</summary>
/// <param name="Recorded">Reads stored as new sightings.</param>
/// <param name="Duplicates">Reads whose idempotency key was already recorded.</param>
/// <param name="Errors">Why the batch was refused; empty when it was accepted.</param>
public sealed record PlateReadBatchResult(int Recorded, int Duplicates, IReadOnlyList<PlateReadError> Errors)
{
    /// <summary>True when the batch was applied (possibly with duplicates).</summary>
    public bool Accepted => Errors.Count == 0;
}

/// <summary>Why one read of a refused batch is invalid: its position in the batch, a stable code and a sentence.</summary>
public sealed record PlateReadError(int Index, string Code, string Message);
