using CityTwin.Graph.Auth;
using CityTwin.Graph.Auth.AccessPolicy;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Callers;

/// <summary>The <c>Caller</c> type: who the key is and what its role may do, so a client shows only allowed controls.</summary>
public sealed class CallerGraphType : ObjectGraphType<TwinPrincipal>
{
    public CallerGraphType()
    {
        Name = "Caller";
        Description = "The API key making this request: its id (never the secret), role and capabilities.";
        Field<NonNullGraphType<IdGraphType>>("keyId").Resolve(c => c.Source.KeyId);
        Field<NonNullGraphType<StringGraphType>>("role").Description("operator, planner, partner, clinic, camera or supervisor.")
            .Resolve(c => Access.Name(c.Source.Role));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnumerationGraphType<Capability>>>>>("capabilities")
            .Description("What the role may see and do (the README's role matrix).")
            .Resolve(c => Access.CapabilitiesOf(c.Source));
    }
}
