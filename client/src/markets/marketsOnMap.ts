import type { CallerAccess } from '../api/access';
import type { GraphQLHttp } from '../api/http';
import type { LiveSession } from '../api/live';
import type { LiveStore } from '../state/store';
import { byId } from '../ui/dom';
import { MarketPanel } from './marketPanel';
import { MarketsFeed } from './marketsFeed';
import { MarketsLayer } from './marketsLayer';

/** The markets' parts on the map: the layer, the panel a click opens, and their feed on the live link. */
export interface MarketsOnMap {
  layer: MarketsLayer;
  panel: MarketPanel;
}

/**
 * Wires the markets in, for keys that may read market totals (capability MARKET_TOTALS); other keys get no layer, no
 * panel and no subscriptions. The feed joins the one live socket, so add it before the session starts.
 */
export function marketsOnMap(access: CallerAccess, http: GraphQLHttp, live: LiveSession, store: LiveStore): MarketsOnMap | null {
  if (!access.can('MARKET_TOTALS')) return null;
  const query = <T>(text: string, variables?: Record<string, unknown>) => http.query<T>(text, variables ?? {});
  const layer = new MarketsLayer();
  const panel = new MarketPanel(byId('market-panel'), query, (message) => store.report('server', message));
  live.addFeed(
    new MarketsFeed(query, {
      setMarkets: (markets) => {
        layer.setMarkets(markets);
        // After a reconnection the open panel may have missed updates: read it again.
        panel.refresh();
      },
      applyUpdate: (update) => {
        layer.applyUpdate(update);
        panel.applyUpdate(update);
      },
      applySession: (session) => panel.applySession(session),
    }),
  );
  return { layer, panel };
}
