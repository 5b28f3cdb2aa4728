using System.Globalization;
using CityTwin.Graph.Auth;
using CityTwin.Graph.Execution;
using CityTwin.Graph.Live;
using CityTwin.Twin.Plates;
using CityTwin.Twin.Vehicles;
using CityTwin.Twin.Watchlists;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace CityTwin.Graph.Tests.Live;

/// <summary>
/// One event, many subscribers: those with the same fields and role get the same result object (executed and
/// serialised once); a different role, or a variable that changes the selection, gets its own.
/// </summary>
[Collection(LiveClusterCollection.Name)]
public sealed class SharedSubscriptionResultTests(LiveClusterFixture fixture)
{
    private const string Selection = "{ plate sightings { cameraId seenAt } }";

    [Fact]
    public async Task Sightings_SameFieldsSameRoleDifferentAreas_ShareOneResult()
    {
        var executer = Executer(share: true);
        var plate = LiveTestCity.NewPlate();
        var near = await SubscribeAsync(executer, $"subscription {{ sightings(bbox: {Bbox(LiveTestCity.AnPhuBox)}) {Selection} }}", LiveGraphQL.Operator);
        var wide = await SubscribeAsync(executer, $"subscription Wide {{ sightings(bbox: [106.6, 10.7, 106.9, 10.9]) {Selection} }}", LiveGraphQL.Operator);

        await SightAsync(plate);

        var first = await ResultForAsync(near.Recorder, plate);
        var second = await ResultForAsync(wide.Recorder, plate);
        Assert.Same(first, second);
        Assert.Contains(plate.Display, LiveGraphQL.Serialize(first).GetRawText());
        near.Subscription.Dispose();
        wide.Subscription.Dispose();
    }

    [Fact]
    public async Task Alerts_OperatorAndPartner_GetTheirOwnResults()
    {
        var executer = Executer(share: true);
        var plate = LiveTestCity.NewPlate();
        await fixture.Grains.GetGrain<IWatchlistGrain>(plate.ProvinceCode).AddAsync(
            new WatchlistRequest(plate.Display, "stolen", DateTimeOffset.UtcNow.AddMinutes(-5), "police", LiveTestCity.AnPhu));
        const string document = "subscription { alerts(kinds: [WATCHLIST_HIT]) { ... on WatchlistHitAlert { plate cameraId } } }";
        var operatorView = await SubscribeAsync(executer, document, LiveGraphQL.Operator);
        var partnerView = await SubscribeAsync(executer, document, LiveGraphQL.Partner);

        await SightAsync(plate);

        var seenByOperator = LiveGraphQL.Serialize(await ResultForAsync(operatorView.Recorder, plate)).GetRawText();
        var partnerResults = await partnerView.Recorder.WaitAsync(r => r.Any(x => LiveGraphQL.Serialize(x).GetRawText().Contains($"***.{plate.Number[^2..]}", StringComparison.Ordinal)));
        Assert.Contains(plate.Display, seenByOperator);
        Assert.DoesNotContain(partnerResults, r => LiveGraphQL.Serialize(r).GetRawText().Contains(plate.Display, StringComparison.Ordinal));
        operatorView.Subscription.Dispose();
        partnerView.Subscription.Dispose();
    }

    [Fact]
    public async Task Sightings_VariableInsideTheSelectionDiffers_ResultsDiffer()
    {
        var executer = Executer(share: true);
        var plate = LiveTestCity.NewPlate();
        var document = $"subscription($reads: Boolean!) {{ sightings(bbox: {Bbox(LiveTestCity.AnPhuBox)}) {{ plate sightings @include(if: $reads) {{ cameraId }} }} }}";
        var withReads = await SubscribeAsync(executer, document, LiveGraphQL.Operator, new Inputs(new Dictionary<string, object?> { ["reads"] = true }));
        var withoutReads = await SubscribeAsync(executer, document, LiveGraphQL.Operator, new Inputs(new Dictionary<string, object?> { ["reads"] = false }));

        await SightAsync(plate);

        var full = LiveGraphQL.Serialize(await ResultForAsync(withReads.Recorder, plate)).GetRawText();
        var bare = LiveGraphQL.Serialize(await ResultForAsync(withoutReads.Recorder, plate)).GetRawText();
        Assert.Contains("cameraId", full);
        Assert.DoesNotContain("cameraId", bare);
        withReads.Subscription.Dispose();
        withoutReads.Subscription.Dispose();
    }

    [Fact]
    public async Task Sightings_SharingOff_EachSubscriberExecutesItsOwnEqualResult()
    {
        var executer = Executer(share: false);
        var plate = LiveTestCity.NewPlate();
        var document = $"subscription {{ sightings(bbox: {Bbox(LiveTestCity.AnPhuBox)}) {Selection} }}";
        var one = await SubscribeAsync(executer, document, LiveGraphQL.Operator);
        var two = await SubscribeAsync(executer, document, LiveGraphQL.Operator);

        await SightAsync(plate);

        var first = await ResultForAsync(one.Recorder, plate);
        var second = await ResultForAsync(two.Recorder, plate);
        Assert.NotSame(first, second);
        Assert.Equal(LiveGraphQL.Serialize(first).GetRawText(), LiveGraphQL.Serialize(second).GetRawText());
        one.Subscription.Dispose();
        two.Subscription.Dispose();
    }

    private static DocumentExecuter Executer(bool share) =>
        new(new GraphQLDocumentBuilder(), new GraphQL.Validation.DocumentValidator(),
            new DefaultExecutionStrategySelector([
                new ExecutionStrategyRegistration(new SharedSubscriptionExecutionStrategy(Options.Create(new LiveOptions { ShareSubscriptionResults = share })), OperationType.Subscription),
            ]),
            []);

    private async Task<(Recorder<ExecutionResult> Recorder, IDisposable Subscription)> SubscribeAsync(
        DocumentExecuter executer, string document, TwinPrincipal principal, Inputs? variables = null)
    {
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = fixture.SchemaOf(0),
            Query = document,
            Variables = variables,
            UserContext = new TwinUserContext(principal),
            RequestServices = fixture.ServicesOf(0),
        });
        Assert.True(result.Streams is { Count: 1 }, $"the subscription did not start: {LiveGraphQL.Serialize(result)}");
        var recorder = new Recorder<ExecutionResult>();
        return (recorder, result.Streams!.Values.Single().Subscribe(recorder));
    }

    private static async Task<ExecutionResult> ResultForAsync(Recorder<ExecutionResult> recorder, PlateNumber plate)
    {
        bool IsFor(ExecutionResult r) => LiveGraphQL.Serialize(r).GetRawText().Contains(plate.Display, StringComparison.Ordinal);
        return (await recorder.WaitAsync(r => r.Any(IsFor))).First(IsFor);
    }

    private Task SightAsync(PlateNumber plate) =>
        fixture.Grains.GetGrain<IVehicleGrain>(plate.CanonicalKey).RecordSightingsAsync(LiveTestCity.Sighting("cam-an-phu", LiveTestCity.AnPhuIntersection));

    private static string Bbox(double[] box) => "[" + string.Join(", ", box.Select(v => v.ToString(CultureInfo.InvariantCulture))) + "]";
}
