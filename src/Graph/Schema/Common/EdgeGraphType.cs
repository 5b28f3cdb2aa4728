using GraphQL;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Common;

/// <summary>The Relay edge type <c>XEdge { cursor node }</c> of a node type X.</summary>
public sealed class EdgeGraphType<TNodeGraphType, TNode> : ObjectGraphType<Edge<TNode>>
    where TNodeGraphType : IGraphType
{
    public EdgeGraphType()
    {
        Name = $"{typeof(TNodeGraphType).GraphQLName()}Edge";
        Field(e => e.Cursor).Description("Opaque; pass it as `after` to continue the list after this node.");
        Field<NonNullGraphType<TNodeGraphType>>("node").Resolve(c => c.Source.Node);
    }
}
