namespace CityTwin.Vision.Imaging.Dicom;

/// <summary>
/// Where one top-level element lies in a data set: its tag, its VR (null in implicit VR), the offset of its header, of
/// its value, and just past its end (for undefined lengths, past the delimiter).
/// </summary>
internal readonly record struct ElementSpan(uint Tag, string? Vr, int Start, int ValueStart, int End);
