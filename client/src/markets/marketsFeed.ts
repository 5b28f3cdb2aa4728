import type { LiveFeed, Subscribe } from '../api/liveFeed';
import type { MarketMark, MarketUpdate } from './marketModel';
import { readMarket, readMarketUpdate, readSession, type SessionTotals } from './marketParse';
import { MARKET_UPDATES, MARKETS, SESSION_UPDATES } from './marketQueries';

/** Where the feed delivers: the map layer and the open market panel. */
export interface MarketsSink {
  setMarkets(markets: readonly MarketMark[]): void;
  applyUpdate(update: MarketUpdate): void;
  applySession(session: SessionTotals): void;
}

type Query = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/**
 * The markets on the live link. On each (re)connection it subscribes to `marketUpdates` and `sessionUpdates` first and
 * only then reads the `markets` snapshot, holding back the events that arrive meanwhile and applying them after it:
 * nothing that happens while the snapshot loads is lost, and an event never lands before the market it is about.
 */
export class MarketsFeed implements LiveFeed {
  constructor(
    private readonly query: Query,
    private readonly sink: MarketsSink,
  ) {}

  async connected(subscribe: Subscribe): Promise<void> {
    let held: (() => void)[] | null = [];
    const deliver = (apply: () => void) => (held ? held.push(apply) : apply());
    subscribe(MARKET_UPDATES, {}, 'marketUpdates', (data) => {
      const update = readMarketUpdate(data);
      deliver(() => this.sink.applyUpdate(update));
    });
    subscribe(SESSION_UPDATES, {}, 'sessionUpdates', (data) => {
      const session = readSession(data);
      deliver(() => this.sink.applySession(session));
    });
    try {
      const data = await this.query<{ markets: unknown[] }>(MARKETS);
      this.sink.setMarkets(data.markets.map(readMarket));
    } finally {
      const pending = held;
      held = null;
      pending.forEach((apply) => apply());
    }
  }
}
