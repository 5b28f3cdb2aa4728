using CityTwin.Twin.Vehicles.Reads;

namespace CityTwin.Graph.PlateReads;

/// <summary>The webhook's answer: counts when the batch was applied, one error per bad read when it was refused.</summary>
public sealed record PlateReadsResponse(int Recorded, int Duplicates, IReadOnlyList<PlateReadError> Errors)
{
    public static PlateReadsResponse Refused(string code, string message) => new(0, 0, [new PlateReadError(-1, code, message)]);
}
