import { Map as MapLibreMap, NavigationControl, setWorkerUrl, type MapMouseEvent, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { LiveStore, Topic } from '../state/store';
import type { MapLayer } from './layer';

setWorkerUrl(workerUrl);

/** Thu Duc City and District 7: where the demo city's cameras are. */
export const HOME = { center: [106.75, 10.805] as [number, number], zoom: 11.4 };

/** Measurements the benchmark and the tests read through window.__citytwin. */
export interface MapMetrics {
  frames: number;
  /** Event time → the frame that first showed it, ms, for each drawn burst of sightings (last 2,000). */
  eventToScreenMs: number[];
  flushes: number;
}

/**
 * The one map module. It owns the MapLibre map, the layer list and the frame loop: the store only
 * marks topics dirty, and once per animation frame each dirty layer is redrawn with setData, so a
 * burst of a thousand sightings costs one redraw.
 */
export class MapView {
  readonly map: MapLibreMap;
  readonly metrics: MapMetrics = { frames: 0, eventToScreenMs: [], flushes: 0 };
  private readonly layers = new Map<string, MapLayer>();
  private readonly visible = new Set<string>();
  private frameRequested = false;
  private readonly lastDrawn = new Map<string, number>();
  /** Layers whose redraw waits for their minimum interval. */
  private readonly deferred = new Set<string>();
  private deferTimer: ReturnType<typeof setTimeout> | undefined;
  private awaitingDraw: number | null = null;
  private readonly frameListeners: ((dirty: Set<Topic>) => void)[] = [];

  constructor(
    container: HTMLElement,
    private readonly store: LiveStore,
  ) {
    const style: StyleSpecification = {
      version: 8,
      sources: {},
      layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#dfe6ec' } }],
    };
    this.map = new MapLibreMap({ container, style, center: HOME.center, zoom: HOME.zoom, attributionControl: false, maxZoom: 19 });
    this.map.addControl(new NavigationControl({ showCompass: false }), 'bottom-right');
    store.onDirty(() => this.requestFrame());
    this.map.on('render', () => this.onRender());
  }

  /** Runs after each flush with the topics that changed, for the panels beside the map. */
  onFrame(listener: (dirty: Set<Topic>) => void): void {
    this.frameListeners.push(listener);
  }

  register(layer: MapLayer, visible = true): void {
    this.layers.set(layer.id, layer);
    for (const id of layer.clickable ?? []) {
      this.map.on('mouseenter', id, () => (this.map.getCanvas().style.cursor = 'pointer'));
      this.map.on('mouseleave', id, () => (this.map.getCanvas().style.cursor = ''));
    }
    if (visible) this.show(layer.id);
  }

  show(id: string): void {
    const layer = this.layers.get(id);
    if (!layer || this.visible.has(id)) return;
    layer.add(this.map, this.store);
    this.visible.add(id);
  }

  hide(id: string): void {
    const layer = this.layers.get(id);
    if (!layer || !this.visible.has(id)) return;
    layer.remove(this.map);
    this.visible.delete(id);
  }

  isVisible(id: string): boolean {
    return this.visible.has(id);
  }

  /** Whether a layer of this id was registered (layers a role may not read never are). */
  isRegistered(id: string): boolean {
    return this.layers.has(id);
  }

  redraw(id: string): void {
    if (this.visible.has(id)) this.layers.get(id)?.update(this.map, this.store);
  }

  onClick(styleLayerId: string, handler: (id: string, event: MapMouseEvent) => void): void {
    this.map.on('click', styleLayerId, (event) => {
      const feature = (event as MapMouseEvent & { features?: { properties: Record<string, unknown> }[] }).features?.[0];
      if (feature) handler(String(feature.properties.id), event);
    });
  }

  currentBbox(): [number, number, number, number] {
    const b = this.map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  }

  private requestFrame(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    requestAnimationFrame(() => this.flush());
  }

  private flush(): void {
    this.frameRequested = false;
    const dirty = this.store.takeDirty();
    if (dirty.size === 0 && this.deferred.size === 0) return;
    this.metrics.flushes++;
    const now = performance.now();
    let sightingsDrawn = false;
    for (const id of this.visible) {
      const layer = this.layers.get(id)!;
      if (!this.deferred.has(id) && !layer.topics.some((t) => dirty.has(t))) continue;
      let wait = (layer.minIntervalMs ?? 0) - (now - (this.lastDrawn.get(id) ?? -Infinity));
      // On a slow machine the worker may not have finished the last update: skip rather than queue another.
      if (wait <= 0 && layer.busy?.(this.map)) wait = Math.max(50, (layer.minIntervalMs ?? 0) / 2);
      if (wait > 0) {
        this.deferred.add(id);
        this.deferTimer ??= setTimeout(() => {
          this.deferTimer = undefined;
          this.requestFrame();
        }, wait);
        continue;
      }
      this.deferred.delete(id);
      this.lastDrawn.set(id, now);
      layer.update(this.map, this.store);
      sightingsDrawn ||= id === 'sightings';
    }
    if (sightingsDrawn && this.store.pendingSightingEventMs !== null) {
      this.awaitingDraw = this.store.pendingSightingEventMs;
      this.store.pendingSightingEventMs = null;
    }
    this.frameListeners.forEach((l) => l(dirty));
  }

  private onRender(): void {
    this.metrics.frames++;
    // setData is parsed in a worker; the sightings are on screen at the first render after their source loaded.
    if (this.awaitingDraw !== null && this.map.isSourceLoaded('sightings')) {
      this.metrics.eventToScreenMs.push(Date.now() - this.awaitingDraw);
      if (this.metrics.eventToScreenMs.length > 2000) this.metrics.eventToScreenMs.splice(0, 1000);
      this.awaitingDraw = null;
    }
  }
}
