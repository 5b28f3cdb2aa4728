using System.Globalization;
using CityTwin.Graph.Auth.AccessPolicy;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Incidents;
using CityTwin.Twin.Persistence;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using IncidentConnection = CityTwin.Graph.Schema.Common.ConnectionGraphType<CityTwin.Graph.Schema.Incidents.IncidentGraphType, CityTwin.Graph.Schema.Incidents.IncidentNode>;

namespace CityTwin.Graph.Schema.Incidents;

/// <summary>Incident reads: one by id from its grain (live state), lists from PostGIS newest first.</summary>
public static class IncidentQueryFields
{
    private const string ListName = "incidents";

    public static void AddTo(ObjectGraphType query)
    {
        query.Field<IncidentGraphType, IncidentNode>("incident")
            .Description("One incident by id, or null.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async context =>
            {
                context.Require(Capability.Incidents);
                // Incident ids are GUIDs; anything else names no incident (and must not activate a grain).
                if (!Guid.TryParse(context.GetArgument<string>("id"), out var id)) return null;
                var state = await context.Service<IGrainFactory>().GetGrain<IIncidentGrain>(id.ToString()).GetAsync();
                return state is null ? null : IncidentNode.From(id, state);
            });

        query.Field<NonNullGraphType<IncidentConnection>, Connection<IncidentNode>>(ListName)
            .Description("Incidents, newest detection first, filtered by kind, status, area, ward and detection time.")
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<IncidentKind>>>>("kinds")
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<IncidentStatus>>>>("statuses")
            .AreaArgumentsFor("incidents")
            .Argument<StringGraphType>("wardCode")
            .Argument<DateTimeOffsetGraphType>("from", "Detected at or after this time.")
            .Argument<DateTimeOffsetGraphType>("to", "Detected before this time.")
            .PageArguments()
            .ResolveAsync(async context =>
            {
                context.Require(Capability.Incidents);
                var page = context.Page();
                var area = context.Area();
                var kinds = context.GetArgument<List<IncidentKind>?>("kinds");
                var statuses = context.GetArgument<List<IncidentStatus>?>("statuses");
                var wardCode = context.GetArgument<string?>("wardCode");
                var from = context.GetArgument<DateTimeOffset?>("from");
                var to = context.GetArgument<DateTimeOffset?>("to");
                if (from is { } f && to is { } t && f >= t) throw TwinErrors.BadInput("'from' must be before 'to'");

                await using var db = await context.Service<IDbContextFactory<TwinDbContext>>().CreateDbContextAsync(context.CancellationToken);
                var incidents = db.Set<IncidentRow>().AsNoTracking().DetectedBetween(from, to);
                if (kinds is { Count: > 0 }) incidents = incidents.OfKinds(kinds);
                if (statuses is { Count: > 0 }) incidents = incidents.InStatus(statuses);
                if (area is not null) incidents = incidents.LocatedIn(area);
                if (wardCode is not null) incidents = incidents.InWard(wardCode);
                if (page.After is { } after)
                {
                    var key = Cursor.Decode(after, ListName, 2);
                    var at = new DateTimeOffset(Cursor.Number(key[0], after), TimeSpan.Zero);
                    if (!Guid.TryParse(key[1], out var afterId)) throw TwinErrors.BadCursor(after);
                    incidents = incidents.Where(i => i.DetectedAt < at || (i.DetectedAt == at && i.Id.CompareTo(afterId) < 0));
                }
                var rows = await incidents.OrderByDescending(i => i.DetectedAt).ThenByDescending(i => i.Id)
                    .Take(page.Fetch).ToListAsync(context.CancellationToken);
                return page.ToConnection(rows,
                    row => Cursor.Encode(ListName, row.DetectedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), row.Id.ToString()),
                    IncidentNode.From);
            });
    }
}
