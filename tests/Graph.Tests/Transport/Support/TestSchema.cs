using GraphQL;
using GraphQL.Types;

namespace CityTwin.Graph.Tests.Transport.Support;

/// <summary>
/// A small schema for protocol conformance: a query, a mutation, a subscription fed by <see cref="TestHub"/>, fields that
/// fail in each way an error can arise, and nesting and lists for the depth and complexity limits. Its graph types are
/// plain classes, created by GraphQL.NET's default provider rather than registered in DI.
/// </summary>
public sealed class TestSchema : GraphQL.Types.Schema
{
    public TestSchema(TestHub hub) : base(new GraphQL.DefaultServiceProvider())
    {
        Query = new TestQuery();
        Mutation = new TestMutation();
        Subscription = new TestSubscription(hub);
    }
}
