namespace CityTwin.Twin.Persistence;

/// <summary>
/// The database refused or failed a write. Carries the database's message across grain calls, which the
/// provider's own exceptions cannot do (they are not Orleans-serializable).
/// </summary>
[GenerateSerializer, Alias("CityTwin.TwinStorageException")]
public sealed class TwinStorageException : Exception
{
    public TwinStorageException(string message) : base(message) { }

    /// <summary>Wraps a provider exception, keeping its message and the innermost database message.</summary>
    public static TwinStorageException From(string operation, Exception exception) =>
        new($"{operation} failed: {exception.GetBaseException().Message}");
}
