using GraphQL.Types;

namespace CityTwin.Graph.Schema.Vehicles;

/// <summary>The <c>CameraKey</c> type: a newly issued camera key.</summary>
public sealed class CameraKeyGraphType : ObjectGraphType<CameraKeyNode>
{
    public CameraKeyGraphType()
    {
        Name = "CameraKey";
        Description = "A camera's API key. It is shown only in the answer that issued it; the twin keeps only its hash.";
        Field(k => k.CameraId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(k => k.Key).Description("Send as 'Authorization: Bearer KEY' to recordPlateReads or POST /plates/reads.");
    }
}
