namespace CityTwin.Twin.Plates;

/// <summary>How the characters of a Vietnamese plate are laid out on the plate itself.</summary>
public enum PlateLayout
{
    /// <summary>Not known; as a parse hint it leaves the choice to the plate text.</summary>
    Unknown = 0,

    /// <summary>One line, as on cars: <c>51G-123.45</c>.</summary>
    OneLine = 1,

    /// <summary>Two lines, as on motorbikes: <c>59-X1</c> over <c>123.45</c>.</summary>
    TwoLine = 2,
}
