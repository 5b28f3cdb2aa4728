import type { Map as MapLibreMap } from 'maplibre-gl';
import { removeAll, type MapLayer } from '../layer';

/**
 * The basemap from the host's own layers (no internet tiles): city/district outlines, roads and ward
 * outlines, each a GeoJSON document the host serves. Empty layers (nothing imported) draw nothing.
 */
export class BasemapLayer implements MapLayer {
  readonly id = 'basemap';
  readonly topics = [] as const;
  private readonly layers = ['basemap-admin-fill', 'basemap-admin-line', 'basemap-wards-line', 'basemap-roads'];
  private readonly sources = ['basemap-admin', 'basemap-wards', 'basemap-roads'];

  constructor(private readonly base: string) {}

  add(map: MapLibreMap): void {
    map.addSource('basemap-admin', { type: 'geojson', data: `${this.base}/map/layers/admin.geojson` });
    map.addSource('basemap-wards', { type: 'geojson', data: `${this.base}/map/layers/wards.geojson` });
    map.addSource('basemap-roads', { type: 'geojson', data: `${this.base}/map/layers/roads.geojson` });
    map.addLayer({ id: 'basemap-admin-fill', type: 'fill', source: 'basemap-admin', paint: { 'fill-color': '#eef1e6', 'fill-opacity': 0.9 } });
    map.addLayer({ id: 'basemap-admin-line', type: 'line', source: 'basemap-admin', paint: { 'line-color': '#6d7f5a', 'line-width': 2 } });
    map.addLayer({
      id: 'basemap-wards-line',
      type: 'line',
      source: 'basemap-wards',
      paint: { 'line-color': '#8a94a6', 'line-width': 1, 'line-dasharray': ['case', ['==', ['to-string', ['get', 'approximate']], 'true'], ['literal', [2, 2]], ['literal', [1, 0]]] },
    });
    map.addLayer({
      id: 'basemap-roads',
      type: 'line',
      source: 'basemap-roads',
      paint: { 'line-color': '#c9b27c', 'line-width': ['interpolate', ['linear'], ['zoom'], 11, 0.5, 16, 4] },
    });
  }

  update(): void {}

  remove(map: MapLibreMap): void {
    removeAll(map, this.layers, this.sources);
  }
}
