using CityTwin.Graph.Live;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Live;

/// <summary>The camera status changes a <c>cameraStatus</c> subscription can ask for.</summary>
public sealed class CameraStatusKindType : EnumerationGraphType
{
    public CameraStatusKindType()
    {
        Name = "CameraStatusKind";
        Description = "A camera status change.";
        Add("ONLINE", LiveKinds.CameraOnline, "The camera came online.");
        Add("OFFLINE", LiveKinds.CameraOffline, "The camera went offline.");
    }
}
