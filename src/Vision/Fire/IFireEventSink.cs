namespace CityTwin.Vision.Fire;

/// <summary>Where confirmed fire events go (the twin's incidents, in the product).</summary>
public interface IFireEventSink { ValueTask PublishAsync(ConfirmedFireEvent fireEvent, CancellationToken ct); }
