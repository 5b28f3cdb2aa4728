namespace CityTwin.Twin.Planning;

/// <summary>The kind of camera a plan places, each with a fixed field of view and range (<see cref="CameraSiteKinds"/>).</summary>
public enum CameraSiteKind
{
    /// <summary>A fixed camera looking along the road it stands on (a 90° sector).</summary>
    Sector,
    /// <summary>A 360° PTZ camera on a pole or tower (a disc).</summary>
    Ptz360,
}
