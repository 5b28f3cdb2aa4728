import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LiveStore } from '../../state/store';
import { collection, removeAll, setData, type FeatureCollection, type MapLayer } from '../layer';

/**
 * Wards filled by the aggregate the user picks. Geometry comes from the host's ward layer (boundaries
 * where imported, approximate cells elsewhere); values come from the live ward aggregates.
 */
export class WardChoroplethLayer implements MapLayer {
  readonly id = 'wards';
  readonly topics = ['wards'] as const;
  readonly clickable = ['wards-fill'];
  metric = 'cameraCount';
  private geometry: FeatureCollection | null = null;

  constructor(private readonly base: string) {}

  add(map: MapLibreMap, store: LiveStore): void {
    map.addSource('wards', { type: 'geojson', data: collection([]) });
    map.addLayer(
      {
        id: 'wards-fill',
        type: 'fill',
        source: 'wards',
        paint: {
          'fill-color': ['interpolate', ['linear'], ['get', 'share'], 0, '#f7fbff', 0.5, '#6baed6', 1, '#08306b'],
          'fill-opacity': 0.45,
        },
      },
      // Under everything live; the basemap lines stay on top of the fill.
      map.getLayer('basemap-wards-line') ? 'basemap-wards-line' : undefined,
    );
    if (this.geometry) this.update(map, store);
    else
      void fetch(`${this.base}/map/layers/wards.geojson`)
        .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`wards.geojson: HTTP ${r.status}`))))
        .then((data: FeatureCollection) => {
          this.geometry = data;
          this.update(map, store);
        })
        .catch((error: Error) => store.report('server', error.message));
  }

  update(map: MapLibreMap, store: LiveStore): void {
    if (!this.geometry || !map.getSource('wards')) return;
    const values = [...store.wards.values()].map((w) => w.metrics[this.metric] ?? 0);
    const max = Math.max(1, ...values);
    const features = this.geometry.features
      .filter((f) => f.geometry.type !== 'Point')
      .map((f) => {
        const ward = store.wards.get(String(f.properties?.code));
        const value = ward?.metrics[this.metric] ?? null;
        return { ...f, properties: { ...f.properties, value, share: value === null ? 0 : value / max } };
      });
    setData(map, 'wards', collection(features));
  }

  remove(map: MapLibreMap): void {
    removeAll(map, ['wards-fill'], ['wards']);
  }
}
