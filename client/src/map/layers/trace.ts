import type { Map as MapLibreMap } from 'maplibre-gl';
import { Marker } from 'maplibre-gl';
import { formatTime } from '../../i18n';
import { collection, pointFeature, removeAll, setData, type FeatureCollection, type MapLayer } from '../layer';

export interface TracePoint {
  lon: number;
  lat: number;
  seenAt: string;
  cameraId: string;
}

export interface PredictedCamera {
  id: string;
  name: string;
  lon: number;
  lat: number;
}

/**
 * One vehicle's route: a line through its reads in time order, each read labelled with its time
 * (HTML markers, because the style has no glyphs to draw text), and the cameras it may reach next.
 */
export class TraceLayer implements MapLayer {
  readonly id = 'trace';
  readonly topics = [] as const;
  private points: TracePoint[] = [];
  private predicted: PredictedCamera[] = [];
  private markers: Marker[] = [];

  show(map: MapLibreMap, points: TracePoint[], predicted: PredictedCamera[]): void {
    this.points = [...points].sort((a, b) => a.seenAt.localeCompare(b.seenAt));
    this.predicted = predicted;
    this.update(map);
  }

  clear(map: MapLibreMap): void {
    this.show(map, [], []);
  }

  add(map: MapLibreMap): void {
    map.addSource('trace-line', { type: 'geojson', data: collection([]) });
    map.addSource('trace-predicted', { type: 'geojson', data: collection([]) });
    map.addLayer({ id: 'trace-line', type: 'line', source: 'trace-line', paint: { 'line-color': '#d50000', 'line-width': 4, 'line-opacity': 0.85 } });
    map.addLayer({
      id: 'trace-predicted',
      type: 'circle',
      source: 'trace-predicted',
      paint: { 'circle-radius': 12, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#d50000', 'circle-stroke-width': 2 },
    });
    this.update(map);
  }

  update(map: MapLibreMap): void {
    const line: FeatureCollection =
      this.points.length >= 2
        ? collection([{ type: 'Feature', geometry: { type: 'LineString', coordinates: this.points.map((p) => [p.lon, p.lat]) }, properties: {} }])
        : collection([]);
    setData(map, 'trace-line', line);
    setData(map, 'trace-predicted', collection(this.predicted.map((c) => pointFeature(c.id, c.lon, c.lat, { name: c.name }))));
    this.markers.forEach((m) => m.remove());
    this.markers = this.points.slice(-20).map((p) => {
      const element = document.createElement('div');
      element.className = 'trace-time';
      element.textContent = formatTime(p.seenAt);
      return new Marker({ element, anchor: 'bottom-left' }).setLngLat([p.lon, p.lat]).addTo(map);
    });
  }

  remove(map: MapLibreMap): void {
    this.markers.forEach((m) => m.remove());
    this.markers = [];
    removeAll(map, ['trace-line', 'trace-predicted'], ['trace-line', 'trace-predicted']);
  }
}
