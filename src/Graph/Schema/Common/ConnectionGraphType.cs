using GraphQL;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Common;

/// <summary>
/// The Relay connection type <c>XConnection { edges pageInfo nodes }</c> of a node type X. <c>nodes</c> is the edges'
/// nodes without cursors, for map clients that only draw a page.
/// </summary>
public sealed class ConnectionGraphType<TNodeGraphType, TNode> : ObjectGraphType<Connection<TNode>>
    where TNodeGraphType : IGraphType
{
    public ConnectionGraphType()
    {
        var node = typeof(TNodeGraphType).GraphQLName();
        Name = $"{node}Connection";
        Description = $"A page of {node} nodes.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType<TNodeGraphType, TNode>>>>>("edges")
            .Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(c => c.Source.PageInfo);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeGraphType>>>>("nodes")
            .Resolve(c => c.Source.Edges.Select(e => e.Node));
    }
}
