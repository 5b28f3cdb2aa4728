using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CityTwin.Graph.Auth;
using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace CityTwin.Graph.Execution;

/// <summary>
/// What decides a subscription's result for a given event: the caller's role (resolvers and masking depend on it),
/// the response key, the printed selection set with every fragment it may spread, and the values of the variables
/// used inside that selection. The root field's own arguments (area, kinds) are left out: they only filter.
/// </summary>
public sealed partial class SubscriptionShape
{
    private SubscriptionShape(string? key) => Key = key;

    /// <summary>The sharing key, or null when the result must not be shared (no authenticated caller).</summary>
    public string? Key { get; }

    public static SubscriptionShape Of(ExecutionContext context, ExecutionNode node)
    {
        if (context.UserContext is not TwinUserContext { Principal: { } principal } || node.Field?.SelectionSet is null)
            return new SubscriptionShape(null);
        var printer = new SDLPrinter();
        var text = new StringBuilder();
        text.Append(principal.Role).Append('|').Append(principal.ClinicId).Append('|').Append(node.Name).Append('|');
        printer.Print(node.Field.SelectionSet, text);
        foreach (var fragment in context.Document.Definitions.OfType<GraphQLFragmentDefinition>())
            printer.Print(fragment, text.Append('|'));
        var printed = text.ToString();
        var used = VariableReference().Matches(printed).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var name in used)
        {
            var value = context.Variables?.ValueFor(name, out var argument) == true ? argument.Value : null;
            text.Append('|').Append(name).Append('=').Append(JsonSerializer.Serialize(value));
        }
        return new SubscriptionShape(text.ToString());
    }

    [GeneratedRegex(@"\$([_A-Za-z][_0-9A-Za-z]*)")]
    private static partial Regex VariableReference();
}
