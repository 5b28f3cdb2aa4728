namespace CityTwin.Twin.Plates;

/// <summary>How closely a plate read by a camera matches a watched plate.</summary>
public enum PlateMatchKind
{
    /// <summary>No match.</summary>
    None = 0,

    /// <summary>The canonical keys are equal.</summary>
    Exact = 1,

    /// <summary>The keys differ in one character after the province code, and OCR confuses that pair.</summary>
    OneConfusion = 2,
}
