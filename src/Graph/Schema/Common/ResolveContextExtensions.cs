using CityTwin.Graph.Auth;
using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Execution;
using GraphQL;

namespace CityTwin.Graph.Schema.Common;

/// <summary>What resolvers need from the context: the caller, the role check, and services.</summary>
public static class ResolveContextExtensions
{
    /// <summary>The caller. A request without a <see cref="TwinUserContext"/> is nobody, and nobody may read anything.</summary>
    public static TwinPrincipal Principal(this IResolveFieldContext context) =>
        (context.UserContext as TwinUserContext)?.Principal
            ?? throw TwinErrors.Forbidden("this request carries no caller");

    /// <summary>The caller, after checking that its role has <paramref name="capability"/>; else FORBIDDEN.</summary>
    public static TwinPrincipal Require(this IResolveFieldContext context, Capability capability)
    {
        var principal = context.Principal();
        if (!Access.Allows(principal, capability))
            throw TwinErrors.Forbidden($"the {Access.Name(principal.Role)} role may not use '{context.FieldDefinition.Name}'");
        return principal;
    }

    /// <summary>
    /// A service from the request's provider. The runner passes the root provider (subscription events outlive a
    /// request scope), so resolvers only ask for singletons: the EF context factory, the grain factory, the audit.
    /// </summary>
    public static T Service<T>(this IResolveFieldContext context) where T : notnull =>
        (context.RequestServices ?? throw new InvalidOperationException("GraphQL requests must carry RequestServices"))
            .GetRequiredService<T>();
}
