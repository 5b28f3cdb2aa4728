using CityTwin.Graph.Execution.Cost;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;

namespace CityTwin.Graph.Execution;

/// <summary>
/// The validation rules every request runs: the spec's rules, string literals PostgreSQL could not store, then what the
/// request would cost, before anything runs:
/// the plate-lookup budget and the depth and cost limits. The cost counts what a request does: every alias again, list
/// sizes (<c>first</c>) as multipliers, plate lookups and introspection at their price.
/// </summary>
internal static class LimitRules
{
    public static IValidationRule[] Create(GraphQLLimitsOptions limits)
    {
        var complexity = new ComplexityOptions
        {
            MaxDepth = limits.MaxDepth,
            MaxComplexity = limits.MaxComplexity,
            DefaultListImpactMultiplier = limits.DefaultListSize,
        };
        var defaultImpact = complexity.DefaultComplexityImpactDelegate;
        complexity.DefaultComplexityImpactDelegate = context => context.FieldDefinition.Name switch
        {
            // The price of the whole introspection, once; what it selects below is then free (multiplier 0).
            "__schema" => new FieldComplexityResult(limits.IntrospectionCost, 0),
            "__type" => new FieldComplexityResult(limits.TypeIntrospectionCost, 0),
            "__typename" => new FieldComplexityResult(0, 0),
            _ when PlateLookupFields.IsLookup(context.FieldDefinition, name => context.FieldAst.Arguments?.Items.Any(a => a.Name.StringValue == name) == true)
                => new FieldComplexityResult(limits.PlateLookupCost, 1),
            _ => defaultImpact(context),
        };
        return [.. DocumentValidator.CoreRules, StoredTextLiteralRule.Instance, new PlateLookupBudgetRule(limits), new ComplexityValidationRule(complexity)];
    }
}
