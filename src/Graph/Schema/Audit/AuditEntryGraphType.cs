using CityTwin.Twin.Audit;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Audit;

/// <summary>The <c>AuditEntry</c> type: one row of the plate-lookup trail, as a supervisor reads it.</summary>
public sealed class AuditEntryGraphType : ObjectGraphType<PlateLookupRow>
{
    public AuditEntryGraphType()
    {
        Name = "AuditEntry";
        Description = "Someone looked at a plate: who (key and role), when, how (the field or subscription) and why.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field(l => l.At);
        Field(l => l.KeyId);
        Field(l => l.Role);
        Field(l => l.PlateKey, nullable: true).Description("The canonical plate; null for a list read's own row.");
        Field(l => l.Operation).Description("vehicle, watchlist, watchlist:shown, plateCrop, a mutation, subscription:<field> or delivered:<field>.");
        Field(l => l.Reason, nullable: true);
        Field(l => l.Detail, nullable: true);
    }
}
