namespace CityTwin.Graph.Webhooks;

/// <summary>Why a signed webhook request was refused before its content was looked at: a code and a reason.</summary>
public sealed record WebhookRefusal(string Code, string Message, bool Accepted = false);
