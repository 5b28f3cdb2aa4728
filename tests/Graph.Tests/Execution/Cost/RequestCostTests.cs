using System.Globalization;
using System.Net;
using System.Text;

namespace CityTwin.Graph.Tests.RequestCost;

/// <summary>
/// Cost that counts what a request does, on the product host: aliased plate lookups spend a token each and are
/// capped per request, aliases and <c>first</c> multiply cost, introspection has a price, and every answer carries the
/// key's budget in <c>RateLimit-*</c> headers.
/// </summary>
public sealed class RequestCostTests(CostHost host) : IClassFixture<CostHost>
{
    private static string AliasedLookups(int count, int offset = 0)
    {
        var document = new StringBuilder("{");
        for (var i = 0; i < count; i++)
            document.Append(CultureInfo.InvariantCulture, $" v{i}: vehicle(plate: \"51K-{i + offset + 100:000}.80\") {{ kind }}");
        return document.Append(" }").ToString();
    }

    private async Task<long> AuditRowsAsync() => (long)(await host.Database.ScalarAsync("SELECT count(*) FROM plate_lookups"))!;

    [Fact]
    public async Task AliasedPlateLookups700_Operator_RefusedBeforeAnyLookup()
    {
        var before = await AuditRowsAsync();

        var answer = await host.PostAsync(CostHost.OperatorKey, AliasedLookups(700));

        Assert.Equal("PLATE_LOOKUP_LIMIT", answer.FirstErrorCode);
        Assert.Contains("700 plates", answer.FirstErrorMessage);
        Assert.False(answer.Body.TryGetProperty("data", out _));
        Assert.Equal(before, await AuditRowsAsync());
    }

    [Fact]
    public async Task PlateLookups_EachSpendsAToken_BudgetRunsOutWith429()
    {
        var first = await host.PostAsync(CostHost.OperatorKey, AliasedLookups(40, 1000));
        var second = await host.PostAsync(CostHost.OperatorKey, AliasedLookups(40, 2000));
        var third = await host.PostAsync(CostHost.OperatorKey, AliasedLookups(40, 3000));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(CostHost.OperatorBurst, first.Header("RateLimit-Limit"));
        // One token for the request and one per lookup: 100 - 41, plus at most a few refilled while it ran.
        Assert.InRange(first.Header("RateLimit-Remaining"), 0, CostHost.OperatorBurst - 41 + 5);
        Assert.True(first.Header("RateLimit-Reset") > 0);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);
        Assert.Equal("RATE_LIMITED", third.FirstErrorCode);
        Assert.Contains("40 plates", third.FirstErrorMessage);
        Assert.True(int.Parse(third.Headers["Retry-After"], CultureInfo.InvariantCulture) >= 1);
    }

    [Fact]
    public async Task Budgets_PerRole_OtherRolesKeepTheDefault()
    {
        var answer = await host.PostAsync(CostHost.PlannerKey, "{ me { role } }");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(500, answer.Header("RateLimit-Limit"));
        // The default bucket refills 100 a second, so the one token taken may already be back.
        Assert.InRange(answer.Header("RateLimit-Remaining"), 400, 500);
    }

    [Fact]
    public async Task Introspection_OneFull_Answers()
    {
        var answer = await host.PostAsync(CostHost.PartnerKey, "{ __schema { types { name fields { name type { name kind ofType { name } } } } } }");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Null(answer.FirstErrorCode);
    }

    [Fact]
    public async Task Introspection_300Aliased_RefusedCheaplyBeforeExecution()
    {
        var document = new StringBuilder("{");
        for (var i = 0; i < 300; i++)
            document.Append(CultureInfo.InvariantCulture, $" s{i}: __schema {{ types {{ name fields {{ name type {{ name kind ofType {{ name }} }} }} }} }}");
        document.Append(" }");

        var answer = await host.PostAsync(CostHost.PartnerKey, document.ToString());

        Assert.Equal("GRAPHQL_VALIDATION_FAILED", answer.FirstErrorCode);
        Assert.Contains("complexity", answer.FirstErrorMessage, StringComparison.OrdinalIgnoreCase);
        Assert.False(answer.Body.TryGetProperty("data", out _));
        Assert.True(answer.Bytes < 4096, $"the refusal is {answer.Bytes} bytes");
    }

    [Fact]
    public async Task Aliases_ListSizesMultiplyCost_Refused()
    {
        const string one = "cameras(first: 200) { nodes { id name wardCode } }";
        var single = await host.PostAsync(CostHost.PartnerKey, "{ " + one + " }");
        var document = new StringBuilder("{");
        for (var i = 0; i < 20; i++) document.Append(CultureInfo.InvariantCulture, $" c{i}: {one}");
        var aliased = await host.PostAsync(CostHost.PartnerKey, document.Append(" }").ToString());

        Assert.Null(single.FirstErrorCode);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", aliased.FirstErrorCode);
        Assert.Contains("complexity", aliased.FirstErrorMessage, StringComparison.OrdinalIgnoreCase);
    }
}
