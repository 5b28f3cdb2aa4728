import type { Map as MapLibreMap } from 'maplibre-gl';
import { language } from '../i18n';
import type { LiveStore } from '../state/store';
import { collection, pointFeature, removeAll, setData, type MapLayer } from '../map/layer';
import { applyMarketUpdate, marketLabel, marketRadius, type MarketMark, type MarketUpdate } from './marketModel';

/**
 * Online markets with their live totals: a circle sized by revenue and a label of orders and revenue. It keeps its own
 * markets (from the `markets` query) and applies `marketUpdates` as they arrive, redrawing with one setData each.
 */
export class MarketsLayer implements MapLayer {
  readonly id = 'markets';
  readonly topics = [] as const;
  readonly clickable = ['markets-point'];
  private readonly markets = new Map<string, MarketMark>();
  private map: MapLibreMap | null = null;

  add(map: MapLibreMap, store: LiveStore): void {
    this.map = map;
    map.addSource(this.id, { type: 'geojson', data: collection([]) });
    map.addLayer({
      id: 'markets-point',
      type: 'circle',
      source: this.id,
      paint: { 'circle-color': '#ef6c00', 'circle-opacity': 0.55, 'circle-radius': ['get', 'radius'], 'circle-stroke-color': '#bf360c', 'circle-stroke-width': 2 },
    });
    map.addLayer({
      id: 'markets-label',
      type: 'symbol',
      source: this.id,
      layout: { 'text-field': ['get', 'label'], 'text-size': 12, 'text-offset': [0, 2.2], 'text-anchor': 'top' },
      paint: { 'text-color': '#3e2723', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    });
    this.update(map, store);
  }

  /** Replaces the markets with a snapshot (after connecting or reconnecting). */
  setMarkets(markets: readonly MarketMark[]): void {
    this.markets.clear();
    for (const market of markets) this.markets.set(market.id, market);
    this.redraw();
  }

  /** Applies one live update; unknown markets wait for the next snapshot. */
  applyUpdate(update: MarketUpdate): void {
    if (applyMarketUpdate(this.markets, update)) this.redraw();
  }

  get(id: string): MarketMark | undefined {
    return this.markets.get(id);
  }

  update(map: MapLibreMap, _store: LiveStore): void {
    this.map = map;
    this.redraw();
  }

  remove(map: MapLibreMap): void {
    removeAll(map, ['markets-label', 'markets-point'], [this.id]);
    this.map = null;
  }

  private redraw(): void {
    if (!this.map) return;
    const lang = language();
    setData(this.map, this.id, collection([...this.markets.values()].map((m) =>
      pointFeature(m.id, m.lon, m.lat, { label: marketLabel(m, lang), radius: marketRadius(m.revenueVnd) }))));
  }
}
