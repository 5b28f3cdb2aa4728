using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Schools;
using GraphQL;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Schools;

/// <summary>School reads: by id, and lists by level, ward and area.</summary>
public static class SchoolQueryFields
{
    public static void AddTo(ObjectGraphType query) =>
        PlaceQueryFields.AddTo<SchoolGraphType, SchoolRow>(query, "school", "schools", "school", Capability.Places,
            field => field.Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<SchoolLevel>>>>("levels"),
            (context, schools) => context.GetArgument<List<SchoolLevel>?>("levels") is { Count: > 0 } levels
                ? schools.Where(s => levels.Contains(s.Level))
                : schools);
}
