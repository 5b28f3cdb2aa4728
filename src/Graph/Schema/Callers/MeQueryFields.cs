using CityTwin.Graph.Schema.Common;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Callers;

/// <summary><c>me</c>: the caller's role and capabilities, open to every key (it tells nothing about the twin).</summary>
public static class MeQueryFields
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<CallerGraphType>>("me")
            .Description("The calling key: role and capabilities. The map shows only the controls these allow.")
            .Resolve(context => context.Principal());
}
