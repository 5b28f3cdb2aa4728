namespace CityTwin.Graph.Live;

/// <summary>
/// What a silo's hub has done since it started: events received from the twin streams, events queued to matching
/// subscriptions, and events dropped because a subscription's buffer was full (the subscriber did not keep up).
/// </summary>
public readonly record struct LiveHubStats(int Subscriptions, long Received, long Delivered, long Dropped);
