using CityTwin.Graph.Execution;
using GraphQL;
using GraphQL.Types;

namespace CityTwin.Graph.Tests.Transport.Support;

/// <summary>The test schema's subscription root: <c>ticks(channel)</c> streams a <see cref="TestHub"/> channel.</summary>
public sealed class TestSubscription : ObjectGraphType
{
    public TestSubscription(TestHub hub)
    {
        Name = "Subscription";
        Field<TickGraphType>("ticks").Argument<NonNullGraphType<StringGraphType>>("channel")
            .Resolve(c => c.Source)
            .ResolveStream(c => hub.Channel(c.GetArgument<string>("channel")));
        Field<TickGraphType>("refused")
            .Resolve(c => c.Source)
            .ResolveStream(_ => throw new ExecutionError("Operators only.") { Code = GraphQLErrorCodes.Forbidden });
    }
}
