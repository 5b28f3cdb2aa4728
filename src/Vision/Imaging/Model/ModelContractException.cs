namespace CityTwin.Vision.Imaging.Model;

/// <summary>The model, its labels or its thresholds do not fit together; the reader refuses to produce results.</summary>
public sealed class ModelContractException(string message, Exception? inner = null) : Exception(message, inner);
