using CityTwin.Graph.Auth;

namespace CityTwin.Graph.Execution;

/// <summary>The GraphQL user context: who is asking. Resolvers read the principal from here for role checks and masking.</summary>
public sealed class TwinUserContext(TwinPrincipal principal) : Dictionary<string, object?>
{
    public TwinPrincipal Principal { get; } = principal;
}
