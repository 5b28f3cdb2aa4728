namespace CityTwin.Graph.Auth;

/// <summary>An authenticated caller: which key, which role, for the clinic role which clinic, for the camera role which camera.</summary>
public sealed record TwinPrincipal(string KeyId, TwinRole Role, string? ClinicId = null, string? CameraId = null)
{
    /// <summary>
    /// Who may submit plate reads for <paramref name="cameraId"/>: operators for any camera (a manual correction, a
    /// recogniser run centrally), a camera key for its own camera only.
    /// </summary>
    public bool CanSubmitReadsFor(string cameraId) =>
        Role == TwinRole.Operator || (Role == TwinRole.Camera && string.Equals(CameraId, cameraId, StringComparison.Ordinal));

    /// <summary>Only operators see licence plates in clear.</summary>
    public bool CanSeePlates => Role == TwinRole.Operator;

    /// <summary>Operators act on the twin (watchlist, incidents, camera status).</summary>
    public bool CanAct => Role == TwinRole.Operator;

    /// <summary>Whether the caller may read a clinic's imaging details.</summary>
    public bool CanSeeClinic(string clinicId) => Role == TwinRole.Clinic && ClinicId == clinicId;
}
