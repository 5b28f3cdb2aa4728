namespace CityTwin.Twin.Common;

/// <summary>The entity kind names used in events and errors.</summary>
public static class TwinEntityKinds
{
    public const string Camera = "camera";
    public const string Vehicle = "vehicle";
    public const string Watchlist = "watchlist";
    public const string Incident = "incident";
    public const string Ward = "ward";
    public const string Store = "store";
    public const string School = "school";
    public const string Clinic = "clinic";
}
