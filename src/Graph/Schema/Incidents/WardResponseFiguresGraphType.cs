using CityTwin.Twin.Incidents;
using GraphQL.Types;

namespace CityTwin.Graph.Schema.Incidents;

/// <summary>The <c>WardResponseFigures</c> type.</summary>
public sealed class WardResponseFiguresGraphType : ObjectGraphType<WardResponseFigures>
{
    public WardResponseFiguresGraphType()
    {
        Name = "WardResponseFigures";
        Description = "A ward's response: of its incidents detected in the period, how many reached the scene, and the median and "
                      + "90th percentile of detection → on scene (seconds; null when none reached the scene).";
        Field(f => f.WardCode);
        Field(f => f.Incidents);
        Field(f => f.ReachedScene);
        Field(f => f.MedianSeconds, nullable: true);
        Field(f => f.P90Seconds, nullable: true);
    }
}
