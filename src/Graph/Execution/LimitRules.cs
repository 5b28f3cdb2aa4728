using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;

namespace CityTwin.Graph.Execution;

/// <summary>The validation rules every request runs: the spec's rules plus the depth and complexity limits.</summary>
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
        // Introspection stays on for every client, so its fields must not count against the caller's budget.
        complexity.DefaultComplexityImpactDelegate = context => IsIntrospection(context)
            ? new FieldComplexityResult(0, 1)
            : defaultImpact(context);
        return [.. DocumentValidator.CoreRules, new ComplexityValidationRule(complexity)];
    }

    private static bool IsIntrospection(FieldImpactContext context) =>
        context.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal)
        || context.ParentType.Name.StartsWith("__", StringComparison.Ordinal);
}
