import { describe, expect, it } from 'vitest';
import { CallerAccess } from '../src/api/access';
import type { GraphQLHttp } from '../src/api/http';
import type { LiveSession } from '../src/api/live';
import type { LiveFeed, Subscribe } from '../src/api/liveFeed';
import type { MarketMark, MarketUpdate } from '../src/markets/marketModel';
import { readMarket, readMinutes, readSession, type SessionTotals } from '../src/markets/marketParse';
import { MarketsFeed } from '../src/markets/marketsFeed';
import { marketsOnMap } from '../src/markets/marketsOnMap';
import { addLive, toColumns, upToNow } from '../src/markets/ordersPerMinute';
import { MalformedEvent } from '../src/state/parse';
import type { LiveStore } from '../src/state/store';

const thuDuc = { id: 'store-cho-thu-duc', name: 'Chợ Thủ Đức', location: { type: 'Point', coordinates: [106.757, 10.851] }, retailerCount: 3, sessionCount: 1, orderCount: 10, revenueVnd: 1_500_000 };

/** A socket stand-in: records what was subscribed and lets the test push events to it. */
class FakeSocket {
  readonly handlers = new Map<string, (data: unknown) => void>();
  readonly subscribe: Subscribe = (_query, _variables, field, handle) => {
    this.handlers.set(field, handle);
    return () => this.handlers.delete(field);
  };
  push(field: string, data: unknown): void {
    this.handlers.get(field)?.(data);
  }
}

class RecordingSink {
  markets: MarketMark[] = [];
  readonly log: string[] = [];
  readonly sessions: SessionTotals[] = [];
  setMarkets(markets: readonly MarketMark[]): void {
    this.markets = [...markets];
    this.log.push(`snapshot:${markets.map((m) => m.orderCount).join(',')}`);
  }
  applyUpdate(update: MarketUpdate): void {
    this.log.push(`update:${update.orderCount}`);
  }
  applySession(session: SessionTotals): void {
    this.sessions.push(session);
    this.log.push(`session:${session.sessionId}:${session.orderCount}`);
  }
}

describe('markets feed', () => {
  it('subscribes before the snapshot and applies events that came meanwhile after it, in order', async () => {
    const socket = new FakeSocket();
    const sink = new RecordingSink();
    let answer!: (value: unknown) => void;
    const feed = new MarketsFeed(<T>() => new Promise<T>((resolve) => (answer = resolve as (value: unknown) => void)), sink);

    const connected = feed.connected(socket.subscribe);
    expect([...socket.handlers.keys()].sort()).toEqual(['marketUpdates', 'sessionUpdates']);
    socket.push('marketUpdates', { marketId: thuDuc.id, retailerCount: 3, sessionCount: 1, orderCount: 11, revenueVnd: 1_600_000 });
    socket.push('sessionUpdates', { marketId: thuDuc.id, sessionId: 's1', platform: 'TikTok', orderCount: 4, revenueVnd: 600_000 });
    expect(sink.log).toEqual([]);
    answer({ markets: [thuDuc] });
    await connected;
    socket.push('marketUpdates', { marketId: thuDuc.id, retailerCount: 3, sessionCount: 1, orderCount: '12', revenueVnd: 1_700_000 });

    expect(sink.log).toEqual(['snapshot:10', 'update:11', 'session:s1:4', 'update:12']);
    expect(sink.markets[0]).toMatchObject({ id: thuDuc.id, lon: 106.757, lat: 10.851, retailerCount: 3 });
  });

  it('on a reconnection replaces the markets with the new snapshot', async () => {
    const sink = new RecordingSink();
    let orders = 10;
    const feed = new MarketsFeed(async <T>() => ({ markets: [{ ...thuDuc, orderCount: orders }] }) as T, sink);
    await feed.connected(new FakeSocket().subscribe);
    orders = 25;
    await feed.connected(new FakeSocket().subscribe);
    expect(sink.log).toEqual(['snapshot:10', 'snapshot:25']);
    expect(sink.markets).toHaveLength(1);
  });

  it('still delivers held events when the snapshot fails, and lets the failure through', async () => {
    const socket = new FakeSocket();
    const sink = new RecordingSink();
    const feed = new MarketsFeed(async () => {
      socket.push('sessionUpdates', { marketId: thuDuc.id, sessionId: 's2', platform: 'Shopee', orderCount: 1, revenueVnd: 90_000 });
      throw new Error('markets: 503');
    }, sink);
    await expect(feed.connected(socket.subscribe)).rejects.toThrow('503');
    expect(sink.log).toEqual(['session:s2:1']);
  });

  it('rejects a malformed event instead of drawing it', () => {
    const socket = new FakeSocket();
    void new MarketsFeed(async <T>() => ({ markets: [] }) as T, new RecordingSink()).connected(socket.subscribe);
    expect(() => socket.push('marketUpdates', { marketId: thuDuc.id, orderCount: 'many' })).toThrow(MalformedEvent);
  });
});

describe('market parsing', () => {
  it('keeps hidden totals as null', () => {
    const market = readMarket({ ...thuDuc, retailerCount: null, sessionCount: null, orderCount: null, revenueVnd: null });
    expect(market).toMatchObject({ name: 'Chợ Thủ Đức', orderCount: null, revenueVnd: null });
  });

  it('reads a market session under its market and chart minutes', () => {
    expect(readSession({ id: 's1', platform: 'TikTok', orderCount: 2, revenueVnd: 10 }, thuDuc.id)).toEqual({ marketId: thuDuc.id, sessionId: 's1', platform: 'TikTok', orderCount: 2, revenueVnd: 10 });
    expect(readMinutes([{ minute: '2026-12-07T10:00:00Z', orders: 3 }])).toEqual([{ minute: '2026-12-07T10:00:00Z', orders: 3 }]);
    expect(readMinutes(null)).toEqual([]);
  });
});

describe('markets on the map', () => {
  it('gives a key without MARKET_TOTALS no layer and no subscriptions', () => {
    const feeds: LiveFeed[] = [];
    const live = { addFeed: (feed: LiveFeed) => feeds.push(feed) } as unknown as LiveSession;
    const wired = marketsOnMap(CallerAccess.of('viewer', ['CAMERAS', 'LESSONS']), {} as GraphQLHttp, live, {} as LiveStore);
    expect(wired).toBeNull();
    expect(feeds).toHaveLength(0);
  });
});

describe('the chart minutes', () => {
  it('adds a live order to its zero-filled minute or inserts the minute in time order, never after a later one', () => {
    const columns = toColumns([
      { minute: '2026-12-07T10:00:00Z', orders: 1 },
      { minute: '2026-12-07T10:01:00Z', orders: 0 },
      { minute: '2026-12-07T10:03:00Z', orders: 0 },
    ]);
    const filled = addLive(columns, Date.parse('2026-12-07T10:01:40Z'), 20, 23);
    expect(filled[1]).toEqual([1, 3, 0]);
    const inserted = addLive(filled, Date.parse('2026-12-07T10:02:10Z'), 23, 25);
    expect(inserted[0]).toEqual([...inserted[0]].sort((a, b) => a - b));
    expect(inserted[1]).toEqual([1, 3, 2, 0]);
  });

  it('leaves out the minutes after now that a live session query fills with zeros', () => {
    const points = [{ minute: '2026-12-07T10:00:00Z', orders: 2 }, { minute: '2026-12-07T10:30:00Z', orders: 0 }];
    expect(upToNow(points, Date.parse('2026-12-07T10:10:00Z'))).toEqual([points[0]]);
  });
});
