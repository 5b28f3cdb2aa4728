namespace CityTwin.Twin.Audit;

/// <summary>Writes the audit trail of plate lookups. A lookup whose audit row cannot be written must not go ahead.</summary>
public interface IPlateLookupAudit
{
    /// <summary>Stores one row; completes once it is committed.</summary>
    Task RecordAsync(PlateLookup lookup, CancellationToken cancellationToken = default);

    /// <summary>Stores several rows in one transaction (the plates one list read showed); completes once committed.</summary>
    Task RecordAsync(IReadOnlyCollection<PlateLookup> lookups, CancellationToken cancellationToken = default);
}
