using GraphQL.Builders;
using GraphQL.Types;

namespace CityTwin.Graph.Execution.Cost;

/// <summary>
/// Marks query fields that look up one plate (<c>vehicle(plate:)</c>, <c>watchlist(plate:)</c>), so the cost rules can
/// count them per request however they are aliased, and charge each one a rate-limit token.
/// </summary>
public static class PlateLookupFields
{
    /// <summary>Metadata key; its value names the argument that makes the field a lookup ("" when it always is).</summary>
    public const string MetadataKey = "citytwin:plateLookup";

    /// <summary>The field is a plate lookup; with <paramref name="whenArgument"/>, only when that argument is given.</summary>
    public static FieldBuilder<TSource, TReturn> PlateLookup<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string whenArgument = "")
    {
        field.FieldType.Metadata[MetadataKey] = whenArgument;
        return field;
    }

    /// <summary>Whether <paramref name="field"/> with the given argument names is a plate lookup.</summary>
    public static bool IsLookup(FieldType field, Func<string, bool> hasArgument) =>
        field.GetMetadata<string?>(MetadataKey) is { } argument && (argument.Length == 0 || hasArgument(argument));
}
