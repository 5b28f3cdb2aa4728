using CityTwin.Graph.Webhooks;

// In the Extensions namespace, beside the host's other Map… calls, so the host maps it in one line.
namespace CityTwin.Graph.Extensions;

/// <summary>Wiring of the signed webhooks: market orders and the classroom platform.</summary>
public static class WebhookEndpointExtensions
{
    /// <summary>
    /// Maps <c>POST /webhooks/market-orders</c> and <c>POST /webhooks/classroom</c>. The connectors' secrets are read once,
    /// when the first request arrives, from the connectors file and <c>CityTwin:Markets:Webhook:Connectors</c>; both
    /// webhooks share one replay guard and one per-connector rate limit.
    /// </summary>
    public static WebApplication MapCityTwinWebhooks(this WebApplication app)
    {
        var settings = app.Configuration.GetSection(MarketWebhookOptions.Section).Get<MarketWebhookOptions>() ?? new MarketWebhookOptions();
        var reader = new Lazy<SignedWebhookReader>(() =>
        {
            var clock = app.Services.GetRequiredService<TimeProvider>();
            var limiter = new ConnectorRateLimiter(settings.RateLimit);
            app.Lifetime.ApplicationStopped.Register(limiter.Dispose);
            return new SignedWebhookReader(new ConnectorSecrets(settings), new SignatureReplayGuard(clock, settings.ReplayWindow), limiter, settings, clock);
        });
        var orders = new Lazy<MarketOrdersWebhook>(() => ActivatorUtilities.CreateInstance<MarketOrdersWebhook>(app.Services, reader.Value));
        var classroom = new Lazy<ClassroomWebhook>(() => ActivatorUtilities.CreateInstance<ClassroomWebhook>(app.Services, reader.Value));
        app.MapPost(MarketOrdersWebhook.Path, (HttpContext context) => orders.Value.HandleAsync(context));
        app.MapPost(ClassroomWebhook.Path, (HttpContext context) => classroom.Value.HandleAsync(context));
        return app;
    }
}
