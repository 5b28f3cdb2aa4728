import { MalformedEvent, point } from '../state/parse';
import type { MarketMark, MarketUpdate } from './marketModel';
import type { MinutePoint } from './ordersPerMinute';

/** A session's totals, from the market's `sessions` or a `sessionUpdates` event. */
export interface SessionTotals {
  marketId: string;
  sessionId: string;
  platform: string;
  orderCount: number;
  revenueVnd: number;
}

type Json = Record<string, unknown>;

function object(value: unknown, what: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new MalformedEvent(`${what}: not an object`);
  return value as Json;
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new MalformedEvent(`${what}: not a string`);
  return value;
}

/** A Long may come as a number or, beyond 2^53, as a string; counters of a market fit a double either way. */
function count(value: unknown, what: string): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new MalformedEvent(`${what}: not a number`);
  return n;
}

/** Totals are null where the caller's role may not read them. */
function optionalCount(value: unknown, what: string): number | null {
  return value === null || value === undefined ? null : count(value, what);
}

export function readMarket(raw: unknown): MarketMark {
  const m = object(raw, 'market');
  const [lon, lat] = point(m.location, 'market.location');
  return {
    id: text(m.id, 'market.id'),
    name: text(m.name, 'market.name'),
    lon,
    lat,
    retailerCount: optionalCount(m.retailerCount, 'market.retailerCount'),
    sessionCount: optionalCount(m.sessionCount, 'market.sessionCount'),
    orderCount: optionalCount(m.orderCount, 'market.orderCount'),
    revenueVnd: optionalCount(m.revenueVnd, 'market.revenueVnd'),
  };
}

export function readMarketUpdate(raw: unknown): MarketUpdate {
  const u = object(raw, 'marketUpdates');
  return {
    marketId: text(u.marketId, 'marketUpdates.marketId'),
    retailerCount: count(u.retailerCount, 'marketUpdates.retailerCount'),
    sessionCount: count(u.sessionCount, 'marketUpdates.sessionCount'),
    orderCount: count(u.orderCount, 'marketUpdates.orderCount'),
    revenueVnd: count(u.revenueVnd, 'marketUpdates.revenueVnd'),
  };
}

export function readSession(raw: unknown, marketId?: string): SessionTotals {
  const s = object(raw, 'session');
  return {
    marketId: marketId ?? text(s.marketId, 'session.marketId'),
    sessionId: text(s.sessionId ?? s.id, 'session.id'),
    platform: typeof s.platform === 'string' ? s.platform : '',
    orderCount: count(s.orderCount, 'session.orderCount'),
    revenueVnd: count(s.revenueVnd, 'session.revenueVnd'),
  };
}

export function readMinutes(raw: unknown): MinutePoint[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((p) => {
    const point = object(p, 'ordersPerMinute');
    return { minute: text(point.minute, 'ordersPerMinute.minute'), orders: count(point.orders, 'ordersPerMinute.orders') };
  });
}
