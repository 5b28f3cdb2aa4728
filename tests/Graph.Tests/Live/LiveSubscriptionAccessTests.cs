using CityTwin.Graph.Auth;
using CityTwin.Twin.Clinics;
using CityTwin.Twin.Places;
using GraphQL;

namespace CityTwin.Graph.Tests.Live;

/// <summary>Arguments and roles: what a subscription refuses before it starts, and what a clinic key sees.</summary>
[Collection(LiveClusterCollection.Name)]
public sealed class LiveSubscriptionAccessTests(LiveClusterFixture fixture)
{
    private const string BowTie = "{type: \"Polygon\", coordinates: [[[106.70, 10.70], [106.80, 10.80], [106.80, 10.70], [106.70, 10.80], [106.70, 10.70]]]}";
    private const string Square = "{type: \"Polygon\", coordinates: [[[106.70, 10.70], [106.80, 10.70], [106.80, 10.80], [106.70, 10.80], [106.70, 10.70]]]}";

    [Theory]
    [InlineData("sightings(bbox: [106.70, 10.70, 106.80, 10.80], polygon: " + Square + ") { plate }")]
    [InlineData("sightings(bbox: [106.70, 10.70, 200, 10.80]) { plate }")]
    [InlineData("sightings(bbox: [106.80, 10.70, 106.70, 10.80]) { plate }")]
    [InlineData("sightings(bbox: [106.70, 10.70, 106.80]) { plate }")]
    [InlineData("sightings(polygon: {type: \"Point\", coordinates: [106.75, 10.80]}) { plate }")]
    [InlineData("sightings(kinds: []) { plate }")]
    [InlineData("entityChanged(kinds: [\"spaceship\"]) { entityId }")]
    public async Task Subscribe_BadArguments_BadUserInput(string field)
    {
        var result = await ExecuteAsync("subscription { " + field + " }", LiveGraphQL.Operator);

        Assert.Null(result.Streams);
        Assert.Equal(["BAD_USER_INPUT"], LiveGraphQL.ErrorCodes(result));
    }

    /// <summary>
    /// The GeoJSON scalar rejects a self-intersecting polygon while GraphQL.NET validates the document, before any resolver:
    /// the error is INVALID_LITERAL (INVALID_VALUE for a variable) with FORMAT among its codes and the reason in its message.
    /// The runner's error info provider is where such FORMAT validation errors become BAD_USER_INPUT.
    /// </summary>
    [Fact]
    public async Task Subscribe_SelfIntersectingPolygon_RefusedWithReason()
    {
        var result = await ExecuteAsync("subscription { sightings(polygon: " + BowTie + ") { plate } }", LiveGraphQL.Operator);

        Assert.Null(result.Streams);
        var error = Assert.Single(result.Errors!);
        Assert.IsType<FormatException>(error.InnerException);
        Assert.Contains("self-intersecting", error.Message);
    }

    public static TheoryData<string, TwinPrincipal> Forbidden => new()
    {
        { "sightings { plate }", LiveGraphQL.Planner },
        { "sightings { plate }", LiveGraphQL.Clinic("clinic-a") },
        { "alerts(kinds: [WATCHLIST_HIT]) { __typename }", LiveGraphQL.Planner },
        { "alerts { __typename }", LiveGraphQL.Clinic("clinic-a") },
        { "incidentUpdates { incidentId }", LiveGraphQL.Clinic("clinic-a") },
        { "entityChanged(kinds: [\"camera\"]) { entityId }", LiveGraphQL.Clinic("clinic-a") },
        { "entityChanged(kinds: [\"watchlist\"]) { entityId }", LiveGraphQL.Partner },
        { "entityChanged(kinds: [\"vehicle\"]) { entityId }", LiveGraphQL.Planner },
        // A partner may not follow a vehicle: masked sightings and vehicle changes still trace where it goes.
        { "sightings { plate }", LiveGraphQL.Partner },
        { "entityChanged(kinds: [\"vehicle\"]) { entityId }", LiveGraphQL.Partner },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public async Task Subscribe_RoleMayNotSee_Forbidden(string field, TwinPrincipal caller)
    {
        var result = await ExecuteAsync("subscription { " + field + " }", caller);

        Assert.Null(result.Streams);
        Assert.Equal(["FORBIDDEN"], LiveGraphQL.ErrorCodes(result));
    }

    [Fact]
    public async Task Subscribe_NoPrincipal_Unauthenticated()
    {
        var result = await new DocumentExecuter().ExecuteAsync(new ExecutionOptions
        {
            Schema = fixture.SchemaOf(0), Query = "subscription { incidentUpdates { incidentId } }", RequestServices = fixture.ServicesOf(0),
        });

        Assert.Equal(["UNAUTHENTICATED"], LiveGraphQL.ErrorCodes(result));
    }

    [Fact]
    public async Task EntityChanged_ClinicKey_OnlyItsOwnClinic()
    {
        var (own, other) = (LiveTestCity.NewId("clinic"), LiveTestCity.NewId("clinic"));
        var (recorder, subscription) = await LiveGraphQL.SubscribeAsync(fixture.SchemaOf(0), fixture.ServicesOf(0),
            "subscription { entityChanged { entityKind entityId change } }", LiveGraphQL.Clinic(own));
        using var _ = subscription;

        await RegisterClinicAsync(other);
        await RegisterClinicAsync(own);

        var change = await recorder.WaitForAsync("entityChanged", e => e.GetProperty("entityId").GetString() == own);
        Assert.Equal("registered", change.GetProperty("change").GetString());
        Assert.All(recorder.DataOf("entityChanged"), e => Assert.Equal(own, e.GetProperty("entityId").GetString()));
    }

    private Task RegisterClinicAsync(string id) =>
        fixture.Grains.GetGrain<IClinicGrain>(id).RegisterAsync(new ClinicDefinition(
            new Place("Trạm y tế " + id, LiveTestCity.AnPhu, LiveTestCity.AnPhuIntersection), ClinicKind.CommuneHealthStation, ["STORESCU"]));

    private Task<ExecutionResult> ExecuteAsync(string document, TwinPrincipal caller) =>
        LiveGraphQL.ExecuteAsync(fixture.SchemaOf(1), fixture.ServicesOf(1), document, caller);
}
