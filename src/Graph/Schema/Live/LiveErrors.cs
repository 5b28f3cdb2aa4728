using CityTwin.Graph.Auth;
using CityTwin.Graph.Execution;
using GraphQL;

namespace CityTwin.Graph.Schema.Live;

/// <summary>The errors a subscription field raises before it starts, each with its <c>extensions.code</c>.</summary>
internal static class LiveErrors
{
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string Forbidden = "FORBIDDEN";
    public const string Unauthenticated = "UNAUTHENTICATED";

    public static ExecutionError BadInput(string message) => new(message) { Code = BadUserInput };

    public static ExecutionError NotAllowed(string message) => new(message) { Code = Forbidden };

    /// <summary>The caller, or an UNAUTHENTICATED error when the transport did not put one in the user context.</summary>
    public static TwinPrincipal Principal(IResolveFieldContext context) =>
        (context.UserContext as TwinUserContext)?.Principal
        ?? throw new ExecutionError("live subscriptions need an authenticated caller") { Code = Unauthenticated };
}
