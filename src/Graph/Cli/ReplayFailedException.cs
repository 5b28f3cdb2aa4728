namespace CityTwin.Graph.Cli;

/// <summary>The host refused part of a replay; the message says which call and why.</summary>
public sealed class ReplayFailedException(string message) : Exception(message);
