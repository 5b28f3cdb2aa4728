using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Clinics;
using GraphQL;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Clinics;

/// <summary>Clinic reads: by id, and lists by kind, ward and area. Clinic keys may use these (and only these).</summary>
public static class ClinicQueryFields
{
    public static void AddTo(ObjectGraphType query) =>
        PlaceQueryFields.AddTo<ClinicGraphType, ClinicRow>(query, "clinic", "clinics", "clinic", Capability.Clinics,
            field => field.Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<ClinicKind>>>>("kinds"),
            (context, clinics) => context.GetArgument<List<ClinicKind>?>("kinds") is { Count: > 0 } kinds
                ? clinics.Where(c => kinds.Contains(c.Kind))
                : clinics);
}
