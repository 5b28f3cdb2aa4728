namespace CityTwin.Vision.Imaging.Network;

/// <summary>A presentation context as proposed in an A-ASSOCIATE-RQ: an id, an abstract syntax, transfer syntaxes.</summary>
public sealed record PresentationContext(byte Id, string AbstractSyntax, IReadOnlyList<string> TransferSyntaxes);

/// <summary>Our answer to one proposed context (PS3.8 9.3.3.2: 0 acceptance, 3 abstract syntax not supported, 4 transfer syntaxes not supported).</summary>
public sealed record PresentationContextResult(byte Id, byte Result, string AbstractSyntax, string TransferSyntax)
{
    public const byte Acceptance = 0;
    public const byte AbstractSyntaxNotSupported = 3;
    public const byte TransferSyntaxesNotSupported = 4;

    public bool Accepted => Result == Acceptance;
}
