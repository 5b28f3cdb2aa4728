using CityTwin.Vision.Imaging.Model;

namespace CityTwin.Vision.Imaging.Reading;

/// <summary>
/// Loads the configured model once. A contract failure is remembered and reported for every instance: the reader
/// refuses to produce results rather than read with uncalibrated thresholds.
/// </summary>
/// <param name="options">The model contract.</param>
/// <param name="prepare">Runs once before loading, e.g. to compose the demo model's file; may throw <see cref="ModelContractException"/>.</param>
public sealed class ModelSlot(ModelOptions options, Action? prepare = null) : IDisposable
{
    private readonly Lazy<(ChestXrayModel? Model, ModelContractException? Error)> loaded = new(() =>
    {
        try
        {
            prepare?.Invoke();
            return (ChestXrayModel.Load(options), null);
        }
        catch (ModelContractException e)
        {
            return (null, e);
        }
    });

    public ModelOptions Options => options;

    /// <summary>The model; throws the remembered <see cref="ModelContractException"/> when it was refused.</summary>
    public ChestXrayModel Get() => loaded.Value.Model ?? throw loaded.Value.Error!;

    public void Dispose()
    {
        if (loaded.IsValueCreated) loaded.Value.Model?.Dispose();
    }
}
