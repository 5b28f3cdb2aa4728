namespace CityTwin.Twin.Importers;

/// <summary>A feature the importer refused, and why.</summary>
/// <param name="Index">Position in the file, from 0.</param>
/// <param name="Id">The feature's id or code when it has one.</param>
/// <param name="Reason">What is wrong, in words an operator can act on.</param>
public sealed record RejectedFeature(int Index, string? Id, string Reason);
