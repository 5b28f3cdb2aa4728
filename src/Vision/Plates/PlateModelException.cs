namespace CityTwin.Vision.Plates;

/// <summary>A plate model cannot be used: missing file, a layout other than configured, or garbage output.</summary>
public sealed class PlateModelException(string message, Exception? inner = null) : Exception(message, inner);
