import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LiveStore } from '../../state/store';
import { collection, pointFeature, removeAll, setData, type MapLayer } from '../layer';

export const INCIDENT_KINDS = ['FIRE', 'SMOKE', 'ILLEGAL_DUMPING', 'TRAFFIC_JAM', 'ACCIDENT'] as const;
export const INCIDENT_STATUSES = ['DETECTED', 'CONFIRMED', 'DISPATCHED', 'ON_SCENE', 'RESOLVED'] as const;

/** Incidents by kind and lifecycle: colour is the status, a ring marks fire and smoke. */
export class IncidentsLayer implements MapLayer {
  readonly id = 'incidents';
  readonly topics = ['incidents'] as const;
  readonly clickable = ['incidents-point'];
  kinds = new Set<string>(INCIDENT_KINDS);
  showResolved = false;

  add(map: MapLibreMap, store: LiveStore): void {
    map.addSource('incidents', { type: 'geojson', data: collection([]) });
    map.addLayer({
      id: 'incidents-point',
      type: 'circle',
      source: 'incidents',
      paint: {
        'circle-color': [
          'match', ['get', 'status'],
          'DETECTED', '#ff6f00', 'CONFIRMED', '#f4511e', 'DISPATCHED', '#8e24aa', 'ON_SCENE', '#3949ab',
          '#9e9e9e',
        ],
        'circle-radius': 10,
        'circle-stroke-color': ['match', ['get', 'kind'], ['FIRE', 'SMOKE'], '#b71c1c', '#263238'],
        'circle-stroke-width': 3,
        'circle-opacity': 0.9,
      },
    });
    this.update(map, store);
  }

  update(map: MapLibreMap, store: LiveStore): void {
    const features = [...store.incidents.values()]
      .filter((i) => this.kinds.has(i.kind) && (this.showResolved || i.open))
      .map((i) => pointFeature(i.id, i.lon, i.lat, { kind: i.kind, status: i.status }));
    setData(map, 'incidents', collection(features));
  }

  remove(map: MapLibreMap): void {
    removeAll(map, ['incidents-point'], ['incidents']);
  }
}
