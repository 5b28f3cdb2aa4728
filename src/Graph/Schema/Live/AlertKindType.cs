using CityTwin.Graph.Live;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Live;

/// <summary>The kinds of <c>alerts</c> a subscription can ask for. Each value is its <see cref="LiveKinds"/> name.</summary>
public sealed class AlertKindType : EnumerationGraphType
{
    /// <summary>The internal value of INCIDENT_OPENED: every incident kind.</summary>
    public const string IncidentOpened = "incident:*";

    public AlertKindType()
    {
        Name = "AlertKind";
        Description = "A kind of operator alert.";
        Add("WATCHLIST_HIT", LiveKinds.WatchlistHit, "A watched vehicle was sighted.");
        Add("INCIDENT_OPENED", IncidentOpened, "An incident (fire, smoke, dumping, jam, accident) was opened.");
        Add("CRITICAL_FINDING", LiveKinds.CriticalFinding, "An AI chest X-ray reading found a critical sign (operators only).");
    }
}
