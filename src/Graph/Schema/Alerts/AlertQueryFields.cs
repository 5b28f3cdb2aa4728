using System.Globalization;
using CityTwin.Graph.Schema.Common;
using CityTwin.Twin.Alerts;
using GraphQL.Types;
using AlertConnection = CityTwin.Graph.Schema.Common.ConnectionGraphType<CityTwin.Graph.Schema.Alerts.AlertRecordGraphType, CityTwin.Twin.Alerts.AlertRecord>;

namespace CityTwin.Graph.Schema.Alerts;

/// <summary>
/// <c>alerts(first, after)</c>: the recent alerts the twin keeps, newest first, each with the calling key's
/// acknowledgement. The map fills its feed from it on load and on every reconnect, then follows the live <c>alerts</c>.
/// </summary>
public static class AlertQueryFields
{
    private const string ListName = "alerts";

    public static void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<AlertConnection>, Connection<AlertRecord>>(ListName)
            .Description($"Recent alerts (the last {AlertLog.Capacity} the twin kept), newest first, as the live alerts subscription shows them to the caller's role, with this key's acknowledgement.")
            .PageArguments()
            .ResolveAsync(async context =>
            {
                var caller = context.Principal();
                var page = context.Page();
                long? before = page.After is { } after ? Cursor.Number(Cursor.Decode(after, ListName, 1)[0], after) : null;
                var kept = await AlertLog.For(context.Service<IGrainFactory>()).RecentAsync(caller.KeyId, before);
                var rows = AlertFeed.Visible(caller, kept).Take(page.Fetch).ToList();
                return page.ToConnection(rows, r => Cursor.Encode(ListName, r.Sequence.ToString(CultureInfo.InvariantCulture)), r => r);
            });
}
