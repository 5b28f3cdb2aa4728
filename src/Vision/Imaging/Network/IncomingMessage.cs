using CityTwin.Vision.Imaging.Dicom;

namespace CityTwin.Vision.Imaging.Network;

/// <summary>
/// Reassembles one DIMSE message from PDV fragments: the command, then its data set if it has one. A data set over the
/// size limit is consumed to its last fragment but not kept, so the association can answer and go on.
/// </summary>
internal sealed class IncomingMessage(long maxDataSetBytes)
{
    /// <summary>A command set is a few hundred bytes; anything near this is not a command.</summary>
    private const int MaxCommandBytes = 64 * 1024;

    private readonly MemoryStream command = new();

    public byte ContextId { get; private set; }

    public DimseCommand? Command { get; private set; }

    public MemoryStream? DataSet { get; private set; }

    public bool Oversized { get; private set; }

    /// <summary>When the last fragment arrived.</summary>
    public DateTimeOffset CompletedAt { get; private set; }

    /// <summary>Adds a fragment; true once the message (command and any data set) is complete.</summary>
    public bool Add(byte contextId, byte control, ReadOnlyMemory<byte> fragment, DateTimeOffset now)
    {
        var isCommand = (control & 0x01) != 0;
        var isLast = (control & 0x02) != 0;
        if (Command is null)
        {
            if (!isCommand) throw new DicomProtocolException("data set fragment before its command");
            if (command.Length == 0) ContextId = contextId;
            else if (contextId != ContextId) throw new DicomProtocolException("command fragments on different presentation contexts");
            if (command.Length + fragment.Length > MaxCommandBytes) throw new DicomProtocolException("DIMSE command too long");
            command.Write(fragment.Span);
            if (!isLast) return false;
            Command = DimseCommand.Parse(command.GetBuffer().AsSpan(0, (int)command.Length));
            CompletedAt = now;
            if (!Command.HasDataSet) return true;
            DataSet = new MemoryStream();
            return false;
        }
        if (isCommand) throw new DicomProtocolException("a new command before the data set of the last one ended");
        if (contextId != ContextId) throw new DicomProtocolException("data set fragment on another presentation context than its command");
        if (!Oversized && DataSet!.Length + fragment.Length > maxDataSetBytes)
        {
            Oversized = true;
            DataSet.SetLength(0);
            DataSet.Capacity = 0;
        }
        if (!Oversized) DataSet!.Write(fragment.Span);
        CompletedAt = now;
        return isLast;
    }
}
