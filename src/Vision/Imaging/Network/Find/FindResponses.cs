using CityTwin.Vision.Imaging.Dicom;
using CityTwin.Vision.Imaging.Network.Scu;

namespace CityTwin.Vision.Imaging.Network.Find;

/// <summary>Answers one C-FIND-RQ on an SCP association: a pending response per match, then the final status.</summary>
internal static class FindResponses
{
    /// <summary>Fragments stay within 16 KiB, the smallest maximum PDU length peers commonly announce.</summary>
    private const uint FragmentLimit = 16 * 1024;

    public static async Task SendAsync(Stream stream, StudyRootFind find, string clinicId, DimseCommand command, byte contextId,
        string transferSyntax, MemoryStream? identifier, CancellationToken cancellationToken)
    {
        (IReadOnlyList<byte[]> Matches, ushort Status, string? Comment) answer = ([], StudyRootFind.IdentifierDoesNotMatch, "C-FIND-RQ without an identifier");
        if (identifier is not null)
            answer = await find.FindAsync(clinicId, identifier.GetBuffer(), (int)identifier.Length, TransferSyntax.ForReading(transferSyntax), cancellationToken);
        var (matches, status, comment) = answer;
        if (status == DimseStatus.Success)
        {
            foreach (var match in matches)
            {
                var pending = CommandSet.Response(StudyRootFind.CFindRequest, command.MessageId, StudyRootFind.SopClass, StudyRootFind.Pending, withDataSet: true);
                foreach (var pdu in ScuPdus.Data(contextId, command: true, pending, FragmentLimit)) await stream.WriteAsync(pdu, cancellationToken);
                foreach (var pdu in ScuPdus.Data(contextId, command: false, match, FragmentLimit)) await stream.WriteAsync(pdu, cancellationToken);
            }
        }
        var final = command.Response(status, comment);
        foreach (var pdu in ScuPdus.Data(contextId, command: true, final, FragmentLimit)) await stream.WriteAsync(pdu, cancellationToken);
    }
}
