using GraphQL.Types;
using GraphQLParser.AST;

namespace CityTwin.Graph.Execution.Cost;

/// <summary>
/// Counts the plate lookups an operation will run: every root field marked by <see cref="PlateLookupFields"/>, each
/// alias once, through inline fragments and fragment spreads (a spread used twice counts twice).
/// </summary>
internal static class PlateLookupCounter
{
    public static int Count(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        if (operation.Operation != OperationType.Query || schema.Query is not { } root) return 0;
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .ToDictionary(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal);
        return Count(root, operation.SelectionSet, fragments, depth: 0);
    }

    private static int Count(IObjectGraphType root, GraphQLSelectionSet set, Dictionary<string, GraphQLFragmentDefinition> fragments, int depth)
    {
        // Validation has already refused fragment cycles; the bound only keeps a pathological document cheap.
        if (depth > 16) return 0;
        var count = 0;
        foreach (var selection in set.Selections)
        {
            count += selection switch
            {
                GraphQLField field when root.GetField(field.Name.StringValue) is { } definition
                    && PlateLookupFields.IsLookup(definition, name => field.Arguments?.Items.Any(a => a.Name.StringValue == name) == true) => 1,
                GraphQLInlineFragment inline => Count(root, inline.SelectionSet, fragments, depth + 1),
                GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment) =>
                    Count(root, fragment.SelectionSet, fragments, depth + 1),
                _ => 0,
            };
        }
        return count;
    }
}
