using CityTwin.Twin.Cameras;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Cameras;

/// <summary>The <c>CameraPose</c> type: where a PTZ camera looks.</summary>
public sealed class CameraPoseGraphType : ObjectGraphType<PtzPose>
{
    public CameraPoseGraphType()
    {
        Name = "CameraPose";
        Description = "A PTZ camera's pose: pan (compass bearing), tilt below the horizon, lens and image size.";
        Field(p => p.PanDeg);
        Field(p => p.TiltDeg).Description("Degrees below the horizon (-30..90).");
        Field(p => p.HorizontalFovDeg).Description("Horizontal field of view at zoom 1.");
        Field(p => p.Zoom);
        Field(p => p.ImageWidth);
        Field(p => p.ImageHeight);
        Field(p => p.EffectiveHorizontalFovDeg).Description("Horizontal field of view at the current zoom.");
        Field(p => p.EffectiveVerticalFovDeg).Description("Vertical field of view at the current zoom, from the image's aspect.");
    }
}
