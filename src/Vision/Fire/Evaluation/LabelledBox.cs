namespace CityTwin.Vision.Fire.Evaluation;

/// <summary>One ground-truth box of a labelled image.</summary>
public sealed record LabelledBox(FireClass Kind, NormalizedBox Box);
