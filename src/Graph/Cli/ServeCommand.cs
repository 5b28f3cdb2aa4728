using System.CommandLine;
using CityTwin.Graph.Extensions;

namespace CityTwin.Graph.Cli;

/// <summary><c>citytwin serve</c>: one process with the silo, the HTTP endpoints and the demo city.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Listening URLs (default {HostSettings.DefaultUrls}, or {HostSettings.UrlsVariable})" };
        var db = new Option<string?>("--db") { Description = "Npgsql connection string (default: CITYTWIN_DB, then ConnectionStrings:Twin)" };
        var noDemo = new Option<bool>("--no-demo") { Description = "Do not load the demo city" };
        var siloPort = new Option<int>("--silo-port") { Description = "Orleans silo port on loopback", DefaultValueFactory = _ => 11111 };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Orleans client gateway port on loopback", DefaultValueFactory = _ => 30000 };

        var serve = new Command("serve", "Run the twin: Orleans silo, HTTP endpoints, demo city");
        serve.Options.Add(urls);
        serve.Options.Add(db);
        serve.Options.Add(noDemo);
        serve.Options.Add(siloPort);
        serve.Options.Add(gatewayPort);
        serve.SetAction(async (parse, cancellationToken) =>
        {
            // appsettings.json sits beside the binary, wherever the command is started from.
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            var connectionString = await HostSettings.ResolveDatabaseOrExplainAsync("serve", parse.GetValue(db), builder.Configuration.GetConnectionString("Twin"));
            if (connectionString is null) return 1;
            var settings = new HostSettings(HostSettings.ResolveUrls(parse.GetValue(urls)), connectionString,
                !parse.GetValue(noDemo), parse.GetValue(siloPort), parse.GetValue(gatewayPort));

            builder.AddCityTwinHost(settings);
            var app = builder.Build();
            app.MapCityTwinEndpoints();
            app.Lifetime.ApplicationStarted.Register(() =>
                Console.WriteLine($"CityTwin is listening on {settings.Urls} (health: {settings.Urls.Split(';')[0].TrimEnd('/')}/healthz)"));
            try
            {
                await app.RunAsync(cancellationToken);
                return 0;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Start-up failures (database unreachable, port taken) end the process with one clear line.
                await Console.Error.WriteLineAsync($"citytwin serve: could not start: {e.GetBaseException().Message}");
                return 1;
            }
        });
        return serve;
    }
}
