using CityTwin.Graph.Auth;
using CityTwin.Graph.Live;
using CityTwin.Graph.Schema.Live;
using CityTwin.Twin.Alerts;
using CityTwin.Twin.Events;

namespace CityTwin.Graph.Schema.Alerts;

/// <summary>
/// Which kept alerts a caller may list, and how each is shown: exactly what the live <c>alerts</c> subscription would
/// have delivered to it (<see cref="LiveAccess.Alerts"/>), so a reload shows neither more nor less than the live feed.
/// </summary>
internal static class AlertFeed
{
    /// <summary>The records the caller may see, masked as its role requires; FORBIDDEN for roles without alerts.</summary>
    public static IEnumerable<AlertRecord> Visible(TwinPrincipal caller, IEnumerable<AlertRecord> records)
    {
        var grant = LiveAccess.Alerts(caller, null);
        foreach (var record in records)
        {
            if (grant.Kinds is not null && !grant.Kinds.Contains(LiveKinds.Of(record.Alert))) continue;
            if (grant.Project(record.Alert) is TwinEvent shown) yield return record with { Alert = shown };
        }
    }
}
