using CityTwin.Vision.Imaging.Dicom;

namespace CityTwin.Vision.Imaging.Storage;

/// <summary>An instance a receiver has read in full and parsed, ready to be stored for a clinic.</summary>
/// <param name="ClinicId">The clinic it came from (by AE title, API key or inbox configuration).</param>
/// <param name="Header">Its parsed identity.</param>
/// <param name="Part10">The bytes of the Part 10 file, in order (e.g. File Meta then the received data set).</param>
/// <param name="Source">Which receiver: see <see cref="ReceiverSource"/>.</param>
/// <param name="ReceivedAt">When its last byte arrived.</param>
public sealed record IncomingInstance(
    string ClinicId,
    DicomHeader Header,
    IReadOnlyList<ReadOnlyMemory<byte>> Part10,
    string Source,
    DateTimeOffset ReceivedAt);

/// <summary>The receivers' names, as stored in <c>imaging_instances.source</c>.</summary>
public static class ReceiverSource
{
    public const string CStore = "c-store";
    public const string StowRs = "stow-rs";
    public const string Inbox = "inbox";
}
