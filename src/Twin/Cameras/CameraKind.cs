namespace CityTwin.Twin.Cameras;

/// <summary>What a camera is built for; it decides the shape of its view area.</summary>
public enum CameraKind
{
    /// <summary>A fixed camera that reads licence plates on one road.</summary>
    AnprFixed = 0,
    /// <summary>A pan-tilt-zoom camera on a tower that turns through 360°; its view is a disc.</summary>
    Ptz360 = 1,
    /// <summary>A wide fixed camera that watches an intersection or a square.</summary>
    Overview = 2,
}
