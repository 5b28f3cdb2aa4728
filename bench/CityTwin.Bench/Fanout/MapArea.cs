namespace CityTwin.Bench.Fanout;

/// <summary>A subscriber's map viewport: a WGS84 bbox, inside or on the edge counts (as the product's filter says).</summary>
public sealed record MapArea(double West, double South, double East, double North)
{
    public bool Contains(double longitude, double latitude) =>
        longitude >= West && longitude <= East && latitude >= South && latitude <= North;

    /// <summary>A square of <paramref name="sideKm"/> centred on a point; degrees of longitude shrink with latitude.</summary>
    public static MapArea Around(double longitude, double latitude, double sideKm)
    {
        var halfLatitude = sideKm / 2 / 110.574;
        var halfLongitude = sideKm / 2 / (111.320 * Math.Cos(latitude * Math.PI / 180));
        // Rounded as sent to the server (6 decimals, ~0.1 m), so both sides agree on events near an edge.
        return new MapArea(Math.Round(longitude - halfLongitude, 6), Math.Round(latitude - halfLatitude, 6),
            Math.Round(longitude + halfLongitude, 6), Math.Round(latitude + halfLatitude, 6));
    }

    /// <summary>The <c>bbox</c> argument as GraphQL literal text.</summary>
    public string ToGraphQL() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{West:F6},{South:F6},{East:F6},{North:F6}]");
}
