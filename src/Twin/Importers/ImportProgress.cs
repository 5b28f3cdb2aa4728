namespace CityTwin.Twin.Importers;

/// <summary>How far an import is: the phase (<see cref="Reading"/>, <see cref="Validating"/>, <see cref="Writing"/>) and its count.</summary>
/// <param name="Phase">One of the phase names below.</param>
/// <param name="Done">Features finished in this phase.</param>
/// <param name="Total">Features the phase will handle; 0 while not yet known.</param>
public readonly record struct ImportProgress(string Phase, int Done, int Total)
{
    /// <summary>Parsing the file.</summary>
    public const string Reading = "reading";

    /// <summary>Checking geometry, attributes and references.</summary>
    public const string Validating = "validating";

    /// <summary>Writing the accepted features in one transaction.</summary>
    public const string Writing = "writing";
}
