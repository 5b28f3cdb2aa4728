using System.Text.Json;
using CityTwin.Twin.Vehicles;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Live;

/// <summary>The early warning: a watched plate was read by a camera. Partners see both plates masked.</summary>
public sealed class WatchlistHitAlertType : ObjectGraphType<WatchlistHit>
{
    public WatchlistHitAlertType()
    {
        Name = "WatchlistHitAlert";
        Description = "A watched vehicle was sighted; first marks its first sighting since it was reported.";
        this.AddEventFields();
        Field<NonNullGraphType<StringGraphType>>("plate").Description("The plate as read, masked for partners.").Resolve(c => c.Source.DisplayPlate);
        Field<NonNullGraphType<StringGraphType>>("watchedPlate").Description("The watched plate's key, masked for partners.")
            .Resolve(c => c.Source.WatchedPlateKey);
        Field<NonNullGraphType<StringGraphType>>("matchKind").Description("EXACT, or ONE_CONFUSION when one OCR confusion separates the plates.")
            .Resolve(c => JsonNamingPolicy.SnakeCaseUpper.ConvertName(c.Source.MatchKind.ToString()));
        Field<NonNullGraphType<StringGraphType>>("cameraId").Resolve(c => c.Source.CameraId);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("seenAt").Resolve(c => c.Source.SeenAt);
        Field<NonNullGraphType<FloatGraphType>>("confidence").Resolve(c => (double)c.Source.Confidence);
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(c => c.Source.Reason);
        Field<NonNullGraphType<BooleanGraphType>>("first").Resolve(c => c.Source.First);
        Field<StringGraphType>("cropUrl")
            .Description("URL of the plate crop (JPEG, operators only: GET with the API key); null when the camera sent none, and for partners.")
            .Resolve(c => PlateReads.PlateCropPaths.UrlFor(c.Source.CropId));
    }
}
