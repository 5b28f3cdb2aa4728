using GraphQL;
using GraphQL.Types;

namespace CityTwin.Graph.Tests.Transport.Support;

/// <summary>The test schema's mutation root.</summary>
public sealed class TestMutation : ObjectGraphType
{
    public TestMutation()
    {
        Name = "Mutation";
        Field<StringGraphType>("setGreeting").Argument<NonNullGraphType<StringGraphType>>("text").Resolve(c => c.GetArgument<string>("text"));
    }
}
