namespace CityTwin.Twin.Planning;

/// <summary>The <c>camera_plans</c> table: each solved plan with its figures and proposed sites, kept so it can be adopted.</summary>
public sealed class CameraPlanRow
{
    public required string Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? AdoptedAt { get; set; }
    /// <summary>The <see cref="CameraPlan"/> as JSON: figures, solver statistics and sites.</summary>
    public required string Plan { get; set; }
}
