namespace CityTwin.Twin.Coverage;

/// <summary>
/// The one place that decides a road's class and how much an uncovered metre of it weighs, used by the coverage
/// figures, the gap ranking and the camera planner alike.
/// </summary>
public static class RoadClassRules
{
    /// <summary>Roads at least this wide are arterials.</summary>
    public const double ArterialWidthM = 30;

    /// <summary>Roads narrower than this are alleys.</summary>
    public const double AlleyWidthM = 8;

    /// <summary>
    /// SQL over a <c>roads</c> row aliased <c>r</c> that yields <c>arterial</c>, <c>local</c> or <c>alley</c>.
    /// Named arterials are matched on the English and Vietnamese words the real layer uses.
    /// </summary>
    public const string ClassSql = """
        CASE WHEN r.width_m >= 30
                  OR r.name ~* '(boulevard|highway|avenue|expressway|xa l[oộ]|qu[oố]c l[oộ]|đại l[oộ]|cao t[oố]c)'
             THEN 'arterial'
             WHEN r.kind ILIKE 'alley%' OR r.width_m < 8 THEN 'alley'
             ELSE 'local' END
        """;

    /// <summary>Road types of the layer that are not roads a camera watches traffic on.</summary>
    public const string NotARoadSql = "r.kind IS NOT DISTINCT FROM 'Waterway'";

    /// <summary>Weight of one uncovered metre: arterials carry the most traffic, alleys the least.</summary>
    public static double Weight(RoadClass roadClass, bool gateway)
    {
        var weight = roadClass switch
        {
            RoadClass.Arterial => 3.0,
            RoadClass.Local => 1.0,
            RoadClass.Alley => 0.5,
            _ => 1.0,
        };
        // A gateway is where vehicles enter and leave the city: the first place a watched plate can be read.
        return gateway ? weight * 2 : weight;
    }

    /// <summary>The class from the SQL name written by <see cref="ClassSql"/>.</summary>
    public static RoadClass Parse(string sqlName) => sqlName switch
    {
        "arterial" => RoadClass.Arterial,
        "alley" => RoadClass.Alley,
        _ => RoadClass.Local,
    };

    /// <summary>Whether a road of <paramref name="roadClass"/> (a gateway or not) is selected by <paramref name="selected"/> (empty: all).</summary>
    public static bool Selects(IReadOnlyCollection<RoadClass> selected, RoadClass roadClass, bool gateway) =>
        selected.Count == 0 || selected.Contains(roadClass) || (gateway && selected.Contains(RoadClass.Gateway));
}
