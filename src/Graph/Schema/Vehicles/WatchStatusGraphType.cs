using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Plates;
using CityTwin.Twin.Vehicles;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Vehicles;

/// <summary>The <c>WatchStatus</c> type: which watchlist entry a vehicle matches, and how closely.</summary>
public sealed class WatchStatusGraphType : ObjectGraphType<WatchMatch>
{
    public WatchStatusGraphType()
    {
        Name = "WatchStatus";
        Description = "The watchlist entry a vehicle matches: exactly, or with one OCR confusion (0/D, 8/B, 1/I, 5/S, 2/Z).";
        Field<StringGraphType>("watchedPlate").Resolve(c => PlateMask.Display(c.Principal(), c.Source.WatchedDisplayPlate));
        Field<StringGraphType>("watchedPlateKey").Resolve(c => PlateMask.Key(c.Principal(), c.Source.WatchedPlateKey, c.Source.WatchedDisplayPlate));
        Field<NonNullGraphType<EnumerationGraphType<PlateMatchKind>>>("matchKind").Resolve(c => c.Source.Kind);
        Field(w => w.Reason);
        Field(w => w.ReportedAt);
    }
}
