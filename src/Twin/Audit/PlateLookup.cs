namespace CityTwin.Twin.Audit;

/// <summary>One look at a plate, as the API reports it to <see cref="IPlateLookupAudit"/>.</summary>
/// <param name="KeyId">The caller's API key id.</param>
/// <param name="Role">The caller's role, lowercase (<c>operator</c>, <c>partner</c>...).</param>
/// <param name="PlateKey">The canonical plate, or null for a list read.</param>
/// <param name="Operation">The GraphQL field that looked.</param>
/// <param name="Reason">Free text the caller gave, or the filter of a list read.</param>
/// <param name="Detail">What was shown or asked (a subscription's area, a list's plates), or null.</param>
public sealed record PlateLookup(string KeyId, string Role, string? PlateKey, string Operation, string? Reason = null, string? Detail = null);
