/** One minute of the orders-per-minute chart, as the `ordersPerMinute` query returns it. */
export interface MinutePoint {
  minute: string;
  orders: number;
}

/** Columns uPlot draws: x in Unix seconds, y in orders. */
export type ChartColumns = [number[], number[]];

/** Query points to uPlot's column layout, in time order. */
export function toColumns(points: readonly MinutePoint[]): ChartColumns {
  const sorted = [...points].sort((a, b) => Date.parse(a.minute) - Date.parse(b.minute));
  return [sorted.map((p) => Date.parse(p.minute) / 1000), sorted.map((p) => p.orders)];
}

/** Drops the minutes after `nowMs`: a session's query runs a fixed span from its start, into the future while live. */
export function upToNow(points: readonly MinutePoint[], nowMs: number): MinutePoint[] {
  return points.filter((p) => Date.parse(p.minute) <= nowMs);
}

/**
 * Adds orders that arrived live (a session's order count went from `before` to `after`) to the minute they arrived in,
 * keeping at most `keep` minutes. The minute may already be a column (the query's zero-filled minutes), so it is found
 * or inserted in time order. A count that went down (a refund or cancellation) adds nothing: the chart counts orders
 * placed, and the next query of the minutes corrects it.
 */
export function addLive(columns: ChartColumns, atMs: number, before: number, after: number, keep = 60): ChartColumns {
  const added = after - before;
  if (added <= 0) return columns;
  const minute = Math.floor(atMs / 60_000) * 60;
  const [xs, ys] = [[...columns[0]], [...columns[1]]];
  const index = xs.lastIndexOf(minute);
  if (index >= 0) ys[index] += added;
  else {
    let at = xs.length;
    while (at > 0 && xs[at - 1] > minute) at--;
    xs.splice(at, 0, minute);
    ys.splice(at, 0, added);
  }
  const drop = Math.max(0, xs.length - keep);
  return [xs.slice(drop), ys.slice(drop)];
}
