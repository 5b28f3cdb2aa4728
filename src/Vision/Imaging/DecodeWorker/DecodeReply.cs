namespace CityTwin.Vision.Imaging.DecodeWorker;

/// <summary>A worker's answer to one request: a decoded frame, or the reason the file cannot be decoded.</summary>
public sealed record DecodeReply(DecodedFrame? Frame, string? Error)
{
    public static DecodeReply Ok(DecodedFrame frame) => new(frame, null);

    public static DecodeReply Fail(string error) => new(null, error);
}
