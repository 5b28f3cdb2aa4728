using CityTwin.Twin.Cameras;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Live;

/// <summary>A camera went online or offline.</summary>
public sealed class CameraStatusEventType : ObjectGraphType<CameraStatusChanged>
{
    public CameraStatusEventType()
    {
        Name = "CameraStatusEvent";
        Description = "A camera went online or offline.";
        this.AddEventFields();
        Field<NonNullGraphType<StringGraphType>>("cameraId").Resolve(c => c.Source.EntityId);
        Field<NonNullGraphType<BooleanGraphType>>("online").Resolve(c => c.Source.Online);
        Field<NonNullGraphType<StringGraphType>>("wardCode").Resolve(c => c.Source.WardCode);
    }
}
