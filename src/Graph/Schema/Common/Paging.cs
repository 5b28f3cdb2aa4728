using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Common;

/// <summary>
/// The <c>first</c>/<c>after</c> arguments every list takes. Pages are capped so one request cannot pull a whole
/// table: the map's largest layer (the city's ~120 cameras) still fits in one page.
/// </summary>
public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public const string FirstArgument = "first";
    public const string AfterArgument = "after";

    public static FieldBuilder<TSource, TReturn> PageArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field
            .Argument<IntGraphType>(FirstArgument, $"Nodes in the page, 0..{MaxPageSize}.", a => a.DefaultValue = DefaultPageSize)
            .Argument<StringGraphType>(AfterArgument, "Cursor to continue after: pageInfo.endCursor or an edge's cursor of the same list.");

    /// <summary>The page asked for; a page size out of range is BAD_USER_INPUT rather than silently clamped.</summary>
    public static PageRequest Page(this IResolveFieldContext context)
    {
        var first = context.GetArgument(FirstArgument, DefaultPageSize);
        if (first is < 0 or > MaxPageSize)
            throw TwinErrors.BadInput($"first must be between 0 and {MaxPageSize}, not {first}");
        return new PageRequest(first, context.GetArgument<string?>(AfterArgument));
    }
}
