namespace CityTwin.Twin.Markets;

/// <summary>The one rule of which orders count in the totals, shared by the ledger and the reconciliation query.</summary>
public static class OrderStatusRules
{
    /// <summary>Statuses whose orders count (and whose amounts are revenue).</summary>
    public static readonly IReadOnlyList<OrderStatus> Counted = [OrderStatus.Placed, OrderStatus.Paid];

    /// <summary>Whether an order in <paramref name="status"/> counts in orders and revenue.</summary>
    public static bool Counts(OrderStatus status) => status is OrderStatus.Placed or OrderStatus.Paid;

    /// <summary>The SQL list of counted statuses as the column stores them (<c>'Placed','Paid'</c>).</summary>
    public static string CountedSqlList => string.Join(",", Counted.Select(s => $"'{s}'"));
}
