namespace CityTwin.Graph.Execution;

/// <summary>Reasons given for JSON text that parses but cannot become a .NET string the twin could store.</summary>
public static class JsonText
{
    /// <summary>
    /// The reason for a <c>\uD800</c>-style escape without its pair: JSON allows it, UTF-8 and PostgreSQL do not, and
    /// System.Text.Json refuses it (with <see cref="InvalidOperationException"/>) when the string is read.
    /// </summary>
    public const string LoneSurrogate = "A string holds an unpaired UTF-16 surrogate escape such as \\ud800.";
}
