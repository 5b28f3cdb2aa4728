using CityTwin.Twin.Cameras;

namespace CityTwin.Twin.Planning;

/// <summary>Field of view and range of each planned camera kind, and the twin camera kind it becomes.</summary>
public static class CameraSiteKinds
{
    /// <summary>Horizontal field of view in degrees.</summary>
    public static double FieldOfViewDeg(CameraSiteKind kind) => kind == CameraSiteKind.Ptz360 ? 360 : 90;

    /// <summary>
    /// Useful range on the ground. A sector camera reads plates up to about 120 m down its road; a PTZ tower sees traffic
    /// (not plates) up to about 200 m all round.
    /// </summary>
    public static double RangeM(CameraSiteKind kind) => kind == CameraSiteKind.Ptz360 ? 200 : 120;

    /// <summary>The twin's camera kind for a planned site.</summary>
    public static CameraKind CameraKind(CameraSiteKind kind) => kind == CameraSiteKind.Ptz360 ? Cameras.CameraKind.Ptz360 : Cameras.CameraKind.AnprFixed;
}
