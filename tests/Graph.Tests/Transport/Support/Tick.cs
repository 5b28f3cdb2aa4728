namespace CityTwin.Graph.Tests.Transport.Support;

/// <summary>One event of a <see cref="TestHub"/> channel.</summary>
public sealed record Tick(int Seq, string Text);
