using GraphQL.Types;

namespace CityTwin.Graph.Tests.Transport.Support;

/// <summary>A type that contains itself, for documents of any depth.</summary>
public sealed class NestedGraphType : ObjectGraphType
{
    public NestedGraphType()
    {
        Name = "Nested";
        Field<IntGraphType>("value").Resolve(_ => 1);
        Field<StringGraphType>("label").Resolve(_ => "n");
        Field<NestedGraphType>("nested").Resolve(_ => new object());
    }
}
