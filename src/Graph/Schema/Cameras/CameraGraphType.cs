using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Cameras;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Cameras;

/// <summary>The <c>Camera</c> type: placement, live status and the ground it sees.</summary>
public sealed class CameraGraphType : ObjectGraphType<CameraNode>
{
    public CameraGraphType()
    {
        Name = "Camera";
        Description = "A camera of the city: where it stands, how it looks, whether it delivers frames, and its view area.";
        Field(c => c.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(c => c.Name);
        Field(c => c.WardCode).Description("GSO code of the ward the camera is registered to.");
        Field<NonNullGraphType<GeoJsonGraphType>>("location").Description("A GeoJSON Point.").Resolve(c => c.Source.Location);
        Field<NonNullGraphType<EnumerationGraphType<CameraKind>>>("kind").Resolve(c => c.Source.Kind);
        Field<CameraPoseGraphType>("pose").Description("Where a PTZ camera looks now; null when it has no pose (its events are unlocated).")
            .Resolve(c => c.Source.Pose);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ListGraphType<NonNullGraphType<ImagePointGraphType>>>>>>("exclusionMasks")
            .Description("Image polygons (0..1 fractions, origin top-left) where detections are ignored: sky, chimneys.")
            .Resolve(c => c.Source.ExclusionMasks ?? []);
        Field(c => c.MountHeightM).Description("Height above ground, metres.");
        Field(c => c.HeadingDeg).Description("Compass bearing of the optical axis, degrees (0 = north).");
        Field(c => c.FieldOfViewDeg).Description("Horizontal field of view, degrees (360 for PTZ towers).");
        Field(c => c.RangeM).Description("Useful range on the ground, metres.");
        Field(c => c.Road, nullable: true);
        Field(c => c.Online);
        Field(c => c.StatusChangedAt, nullable: true);
        Field(c => c.LastFrameAt, nullable: true);
        Field<NonNullGraphType<GeoJsonGraphType>>("viewArea")
            .Description("The ground the camera sees, a GeoJSON Polygon: a sector along its heading, or a disc for 360° towers.")
            .Resolve(c => c.Source.ViewArea);
        Field(c => c.DistanceM, nullable: true).Description("Metres from the point of a camerasNear query; null elsewhere.");
    }
}
