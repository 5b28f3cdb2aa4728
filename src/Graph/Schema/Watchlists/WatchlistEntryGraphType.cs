using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Watchlists;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Watchlists;

/// <summary>The <c>WatchlistEntry</c> type: a watched plate, masked for partners.</summary>
public sealed class WatchlistEntryGraphType : ObjectGraphType<WatchlistEntry>
{
    public WatchlistEntryGraphType()
    {
        Name = "WatchlistEntry";
        Description = "A plate on the watchlist: who reported it, why and where. Sightings of it raise alerts.";
        Field<StringGraphType>("plate").Description("As written; masked for partners.")
            .Resolve(c => PlateMask.Display(c.Principal(), c.Source.DisplayPlate));
        Field<StringGraphType>("plateKey").Description("Canonical key; masked for partners.")
            .Resolve(c => PlateMask.Key(c.Principal(), c.Source.PlateKey, c.Source.DisplayPlate));
        Field(e => e.Reason).Description("Why it is watched, e.g. stolen.");
        Field(e => e.ReportedAt);
        Field<StringGraphType>("reportedBy").Description("Who reported it (a person's name); null unless the caller sees plates in clear.")
            .Resolve(c => PlateMask.Opaque(c.Principal(), c.Source.ReportedBy));
        Field(e => e.WardCode, nullable: true).Description("The ward where it was reported.");
        Field(e => e.AddedAt);
    }
}
