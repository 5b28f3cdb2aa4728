namespace CityTwin.Vision.Imaging.Reading;

/// <summary>Configuration of the reading queue (<c>CityTwin:Imaging:Reader</c>).</summary>
public sealed class ReaderOptions
{
    public const string Section = "CityTwin:Imaging:Reader";

    /// <summary>Instances waiting to be read; a receiver enqueueing into a full queue waits (back-pressure, nothing dropped).</summary>
    public int QueueCapacity { get; set; } = 256;

    /// <summary>Readings in progress at once (each holds one decoder worker while decoding).</summary>
    public int Concurrency { get; set; } = 2;
}
