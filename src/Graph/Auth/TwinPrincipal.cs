namespace CityTwin.Graph.Auth;

/// <summary>
/// An authenticated caller: which key, which role, for the clinic role which clinic, for the camera role which camera,
/// for the market role which market.
/// What the role may do is decided by <see cref="AccessPolicy.Access"/>, nowhere else.
/// </summary>
public sealed record TwinPrincipal(string KeyId, TwinRole Role, string? ClinicId = null, string? CameraId = null, string? MarketId = null);
