namespace CityTwin.Vision.Fire;

/// <summary>Finds smoke and fire in one BGR frame; at most one detection per class and frame.</summary>
public interface ISmokeFireDetector { IReadOnlyList<FireDetection> Detect(OpenCvSharp.Mat frameBgr); }
