namespace CityTwin.Vision.Imaging.Dicom;

/// <summary>
/// Why a DICOM file or data set could not be read. Only the parser throws it, and its entry points turn it into a
/// <see cref="DicomReadResult"/>, so hostile input never escapes as an exception.
/// </summary>
public sealed class DicomParseException(string message) : Exception(message);
