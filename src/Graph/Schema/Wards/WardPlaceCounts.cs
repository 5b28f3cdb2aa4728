namespace CityTwin.Graph.Schema.Wards;

/// <summary>How many stores, schools and clinics a ward has: what planners compare to find gaps.</summary>
public sealed record WardPlaceCounts(int Stores, int Schools, int Clinics)
{
    public static readonly WardPlaceCounts None = new(0, 0, 0);
}
