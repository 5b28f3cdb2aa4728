namespace CityTwin.Graph.Auth;

/// <summary>An authenticated caller: which key, which role, and for the clinic role which clinic.</summary>
public sealed record TwinPrincipal(string KeyId, TwinRole Role, string? ClinicId = null)
{
    /// <summary>Only operators see licence plates in clear.</summary>
    public bool CanSeePlates => Role == TwinRole.Operator;

    /// <summary>Operators act on the twin (watchlist, incidents, camera status).</summary>
    public bool CanAct => Role == TwinRole.Operator;

    /// <summary>Whether the caller may read a clinic's imaging details.</summary>
    public bool CanSeeClinic(string clinicId) => Role == TwinRole.Clinic && ClinicId == clinicId;
}
