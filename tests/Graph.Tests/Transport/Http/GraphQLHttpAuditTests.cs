using System.Text.Json;
using CityTwin.Graph.Tests.PlateReads;
using CityTwin.Graph.Tests.Transport.Support;
using Xunit.Abstractions;

namespace CityTwin.Graph.Tests.Transport.Http;

/// <summary>
/// The npm <c>graphql-http</c> 1.23.1 audit suite (<c>serverAudits</c>: every MUST, SHOULD and MAY of the GraphQL over
/// HTTP spec it checks) against the host as <c>citytwin serve</c> builds it, over real Kestrel. All 61 pass today; a
/// regression in the HTTP transport shows up here with the audit's own reason.
/// </summary>
[Collection(PlateReadsCollection.Name)]
public sealed class GraphQLHttpAuditTests(PlateReadsHost host, ITestOutputHelper output)
{
    [Fact]
    public async Task ServerAudits_RealHost_EveryAuditPasses()
    {
        var url = new Uri(host.BaseUrl, "/graphql");

        var (exit, stdout, stderr) = await NodeScript.RunToEndAsync("graphql-http-audit.mjs", $"{url} {PlateReadsHost.OperatorKey}", TimeSpan.FromMinutes(3));

        Assert.True(exit == 0, $"the audit script exited with {exit}:\n{stderr}");
        var audits = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .Select(a => (Name: a.GetProperty("name").GetString()!, Status: a.GetProperty("status").GetString()!, Reason: a.GetProperty("reason").ToString()))
            .ToList();
        foreach (var level in (string[])["MUST", "SHOULD", "MAY"])
        {
            var ofLevel = audits.Where(a => a.Name.StartsWith(level, StringComparison.Ordinal)).ToList();
            output.WriteLine($"{level}: {ofLevel.Count(a => a.Status == "ok")} ok, {ofLevel.Count(a => a.Status == "warn")} warn, {ofLevel.Count(a => a.Status == "error")} error");
        }
        var failed = audits.Where(a => a.Status != "ok").Select(a => $"{a.Status}: {a.Name}: {a.Reason}").ToList();
        Assert.True(failed.Count == 0, string.Join('\n', failed));
        Assert.Equal(61, audits.Count);
    }
}
