namespace CityTwin.Vision.Fire;

/// <summary>One class seen in one frame: its score and the image region it was seen in.</summary>
public sealed record FireDetection(FireClass Kind, double Confidence, NormalizedBox Region);
