using CityTwin.Vision.Imaging.Dicom;

namespace CityTwin.Vision.Imaging.Network;

/// <summary>
/// Answers each proposed presentation context: Verification takes the uncompressed syntaxes, storage classes every
/// syntax the reader decodes; the first proposed syntax we support wins, keeping the sender's preference.
/// </summary>
internal static class PresentationContextNegotiator
{
    private static readonly HashSet<string> VerificationSyntaxes =
        [TransferSyntax.ImplicitVrLittleEndian.Uid, TransferSyntax.ExplicitVrLittleEndian.Uid, TransferSyntax.ExplicitVrBigEndian.Uid];

    /// <summary>C-FIND identifiers are written little endian only.</summary>
    private static readonly HashSet<string> FindSyntaxes = [TransferSyntax.ImplicitVrLittleEndian.Uid, TransferSyntax.ExplicitVrLittleEndian.Uid];

    public static IReadOnlyList<PresentationContextResult> Negotiate(IEnumerable<PresentationContext> proposed) =>
        [.. proposed.Select(Negotiate)];

    private static PresentationContextResult Negotiate(PresentationContext context)
    {
        Func<string, bool> supported;
        if (context.AbstractSyntax == SopClasses.Verification) supported = VerificationSyntaxes.Contains;
        else if (SopClasses.Storage.Contains(context.AbstractSyntax)) supported = uid => TransferSyntax.Find(uid) is not null;
        else if (context.AbstractSyntax == Find.StudyRootFind.SopClass) supported = FindSyntaxes.Contains;
        else return new(context.Id, PresentationContextResult.AbstractSyntaxNotSupported, context.AbstractSyntax, TransferSyntax.ImplicitVrLittleEndian.Uid);
        var chosen = context.TransferSyntaxes.FirstOrDefault(supported);
        return chosen is null
            ? new(context.Id, PresentationContextResult.TransferSyntaxesNotSupported, context.AbstractSyntax, TransferSyntax.ImplicitVrLittleEndian.Uid)
            : new(context.Id, PresentationContextResult.Acceptance, context.AbstractSyntax, chosen);
    }
}
