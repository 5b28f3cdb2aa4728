using CityTwin.Vision.Imaging.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CityTwin.Vision.Imaging.Reading;

/// <summary>
/// Says at start-up which reader the host runs, and loads and warms its model in the background (composing the demo
/// model first), so the first study is not held up by loading and a refused model is in the log before any study arrives.
/// </summary>
internal sealed partial class ReaderChoiceLog(ReaderChoice choice, IServiceProvider services, ILogger<ReaderChoiceLog> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (choice.Kind == ReaderKind.Unread)
        {
            LogUnread(logger);
            return Task.CompletedTask;
        }
        var slot = services.GetRequiredService<ModelSlot>();
        return Task.Run(() =>
        {
            try
            {
                var model = slot.Get();
                // One inference on a blank image: ONNX Runtime optimises the graph and the JIT compiles the path on the
                // first run, which would otherwise land on the first study (seconds on a busy machine).
                var input = slot.Options;
                model.Score(new float[input.InputChannels * input.InputHeight * input.InputWidth]);
                LogReady(logger, model.Name, model.Version, model.Labels.Count, model.Clinical);
            }
            catch (ModelContractException e)
            {
                LogRefused(logger, slot.Options.ModelPath, e.Message);
            }
            catch (Microsoft.ML.OnnxRuntime.OnnxRuntimeException e)
            {
                // The reader rejects each study with the same error; the log says it once at start-up.
                LogRefused(logger, slot.Options.ModelPath, e.Message);
            }
        }, stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No AI model is configured and the demo model is off: received studies are stored and stay unread")]
    private static partial void LogUnread(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "AI reader ready: model {ModelName} version {ModelVersion}, {Labels} labels, clinical={Clinical}")]
    private static partial void LogReady(ILogger logger, string modelName, string modelVersion, int labels, bool clinical);

    [LoggerMessage(Level = LogLevel.Error, Message = "AI model {ModelPath} refused; every study will be rejected with the reason: {Reason}")]
    private static partial void LogRefused(ILogger logger, string modelPath, string reason);
}
