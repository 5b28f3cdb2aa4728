using GraphQL.Types;

namespace CityTwin.Graph.Schema.Common;

/// <summary>The Relay <c>PageInfo</c> type.</summary>
public sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Where a page ends; pass endCursor as `after` to get the next page.";
        Field(p => p.HasNextPage);
        Field(p => p.HasPreviousPage).Description("Always false: lists page forward only.");
        Field(p => p.StartCursor, nullable: true);
        Field(p => p.EndCursor, nullable: true);
    }
}
