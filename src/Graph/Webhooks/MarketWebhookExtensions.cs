using CityTwin.Graph.Webhooks;

// In the Extensions namespace, beside the host's other Map… calls, so the host maps it in one line.
namespace CityTwin.Graph.Extensions;

/// <summary>Wiring of the market order webhook.</summary>
public static class MarketWebhookExtensions
{
    /// <summary>
    /// Maps <c>POST /webhooks/market-orders</c>. The connectors' secrets are read once, when the first request arrives,
    /// from the connectors file and <c>CityTwin:Markets:Webhook:Connectors</c>.
    /// </summary>
    public static WebApplication MapCityTwinMarketWebhook(this WebApplication app)
    {
        var settings = app.Configuration.GetSection(MarketWebhookOptions.Section).Get<MarketWebhookOptions>() ?? new MarketWebhookOptions();
        var endpoint = new Lazy<MarketOrdersWebhook>(() =>
        {
            var clock = app.Services.GetRequiredService<TimeProvider>();
            return ActivatorUtilities.CreateInstance<MarketOrdersWebhook>(app.Services,
                new ConnectorSecrets(settings), new SignatureReplayGuard(clock, settings.ReplayWindow), settings);
        });
        app.MapPost(MarketOrdersWebhook.Path, (HttpContext context) => endpoint.Value.HandleAsync(context));
        return app;
    }
}
