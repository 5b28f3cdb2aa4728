using CityTwin.Graph.Execution;
using GraphQL;
using GraphQL.Types;

namespace CityTwin.Graph.Tests.Transport.Support;

/// <summary>The test schema's query root.</summary>
public sealed class TestQuery : ObjectGraphType
{
    public const string Secret = "password=hunter2 at Npgsql.Connector";

    public TestQuery()
    {
        Name = "Query";
        Field<StringGraphType>("hello").Resolve(_ => "world");
        Field<StringGraphType>("echo").Argument<NonNullGraphType<StringGraphType>>("text").Resolve(c => c.GetArgument<string>("text"));
        Field<IntGraphType>("double").Argument<NonNullGraphType<IntGraphType>>("n").Resolve(c => c.GetArgument<int>("n") * 2);
        Field<StringGraphType>("whoami").Resolve(c =>
        {
            var principal = ((TwinUserContext)c.UserContext).Principal;
            return principal.ClinicId is null ? $"{principal.Role}" : $"{principal.Role}:{principal.ClinicId}";
        });
        Field<StringGraphType>("boom").Resolve(_ => throw new InvalidOperationException(Secret));
        Field<StringGraphType>("forbidden").Resolve(_ => throw new ExecutionError("Operators only.") { Code = GraphQLErrorCodes.Forbidden });
        Field<StringGraphType>("slow").Argument<NonNullGraphType<IntGraphType>>("ms").ResolveAsync(async c =>
        {
            await Task.Delay(c.GetArgument<int>("ms"), c.CancellationToken);
            return "late";
        });
        Field<NestedGraphType>("nested").Resolve(_ => new object());
        Field<ListGraphType<NestedGraphType>>("items").Argument<IntGraphType>("first")
            .Resolve(c => Enumerable.Range(0, c.GetArgument("first", 3)).Select(_ => new object()));
    }
}
