namespace CityTwin.Graph.Auth;

/// <summary>Turns the value of an <c>Authorization</c> header (or <c>connectionParams.authorization</c>) into a principal.</summary>
public interface IApiKeyStore
{
    /// <summary>The principal for "Bearer KEY", or null when the value is missing, malformed or unknown.</summary>
    TwinPrincipal? Authenticate(string? authorization);
}
