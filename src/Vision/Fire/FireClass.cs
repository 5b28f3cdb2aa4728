namespace CityTwin.Vision.Fire;

/// <summary>What the smoke/fire detector can see; the order is the order of the model's output scores.</summary>
public enum FireClass { Smoke, Fire }
