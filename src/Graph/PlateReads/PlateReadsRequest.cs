namespace CityTwin.Graph.PlateReads;

/// <summary>The webhook body: <c>{ "reads": [ ... ] }</c>.</summary>
public sealed class PlateReadsRequest
{
    public List<PlateReadInput?>? Reads { get; set; }
}
