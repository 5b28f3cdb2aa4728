using CityTwin.Twin.Events;

namespace CityTwin.Twin.Alerts;

/// <summary>
/// The city's recent operator alerts and who acknowledged which: what a map fills its alert feed from on load and on
/// every reconnect, before the live <c>alerts</c> subscription carries on. One grain per city (<see cref="TwinStreams.CityKey"/>).
/// </summary>
[Alias("CityTwin.IAlertLogGrain")]
public interface IAlertLogGrain : IGrainWithStringKey
{
    /// <summary>Keeps an alert that was just published; the oldest falls out beyond <see cref="AlertLog.Capacity"/>.</summary>
    [Alias("Record")] Task RecordAsync(TwinEvent alert);

    /// <summary>
    /// Kept alerts, newest first, older than <paramref name="beforeSequence"/> (null: from the newest), each with
    /// <paramref name="keyId"/>'s acknowledgement.
    /// </summary>
    [Alias("Recent")] Task<IReadOnlyList<AlertRecord>> RecentAsync(string keyId, long? beforeSequence);

    /// <summary>
    /// Marks an alert acknowledged by <paramref name="keyId"/> (a second acknowledgement keeps the first time); null
    /// when no kept alert has <paramref name="eventId"/>.
    /// </summary>
    [Alias("Acknowledge")] Task<AlertRecord?> AcknowledgeAsync(Guid eventId, string keyId);

    /// <summary>One kept alert as <paramref name="keyId"/> sees it, or null.</summary>
    [Alias("Find")] Task<AlertRecord?> FindAsync(Guid eventId, string keyId);
}
