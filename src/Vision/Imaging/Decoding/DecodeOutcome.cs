using CityTwin.Vision.Imaging.DecodeWorker;

namespace CityTwin.Vision.Imaging.Decoding;

/// <summary>What the pool made of one file: a frame, or the clear reason it was rejected.</summary>
public sealed record DecodeOutcome(DecodedFrame? Frame, string? RejectReason)
{
    public bool Decoded => Frame is not null;

    public static DecodeOutcome Ok(DecodedFrame frame) => new(frame, null);

    public static DecodeOutcome Rejected(string reason) => new(null, reason);
}
