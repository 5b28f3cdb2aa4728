using GraphQL;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Common;

/// <summary>
/// <c>XPayload { x errors }</c> for a node type X: one generic shape so every mutation answers the same way.
/// The node field is named after the node type (camelCase), e.g. <c>CameraPayload.camera</c>.
/// </summary>
public sealed class PayloadGraphType<TNodeGraphType, TNode> : ObjectGraphType<Payload<TNode>>
    where TNodeGraphType : IGraphType
    where TNode : class
{
    public PayloadGraphType()
    {
        var node = typeof(TNodeGraphType).GraphQLName();
        Name = $"{node}Payload";
        Description = $"The {node} after the change, or null with the errors that stopped it.";
        Field<TNodeGraphType>(char.ToLowerInvariant(node[0]) + node[1..]).Resolve(c => c.Source.Node);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors")
            .Description("Empty when the change was made.")
            .Resolve(c => c.Source.Errors);
    }
}
