import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LiveStore } from '../state/store';
import { collection, removeAll, setData, type MapLayer } from '../map/layer';

/** A GeoJSON polygon ring list as the server sends `Incident.area`, or null when it is missing or malformed. */
export function readArea(raw: unknown): number[][][] | null {
  if (!raw || typeof raw !== 'object') return null;
  const geometry = raw as { type?: unknown; coordinates?: unknown };
  if (geometry.type !== 'Polygon' || !Array.isArray(geometry.coordinates)) return null;
  const rings = geometry.coordinates as unknown[];
  const valid = rings.every((ring) => Array.isArray(ring) && ring.length >= 4
    && ring.every((p) => Array.isArray(p) && p.length >= 2 && p.every((c) => typeof c === 'number' && Number.isFinite(c))));
  return valid && rings.length > 0 ? (rings as number[][][]) : null;
}

/**
 * Each open incident's uncertainty polygon: the section of a tower's view cone, the cones' intersection once two towers
 * saw it, or (dashed) the whole range of a camera without a pose. Drawn under the incident points.
 */
export class IncidentAreaLayer implements MapLayer {
  readonly id = 'incident-areas';
  readonly topics = ['incidents'] as const;

  constructor(private readonly visible: (kind: string, open: boolean) => boolean = (_, open) => open) {}

  add(map: MapLibreMap, store: LiveStore): void {
    map.addSource('incident-areas', { type: 'geojson', data: collection([]) });
    map.addLayer({
      id: 'incident-areas-fill',
      type: 'fill',
      source: 'incident-areas',
      paint: { 'fill-color': ['match', ['get', 'kind'], ['FIRE', 'SMOKE'], '#e53935', '#fb8c00'], 'fill-opacity': 0.18 },
    });
    map.addLayer({
      id: 'incident-areas-line',
      type: 'line',
      source: 'incident-areas',
      paint: {
        'line-color': ['match', ['get', 'kind'], ['FIRE', 'SMOKE'], '#b71c1c', '#e65100'],
        'line-width': 2,
        'line-dasharray': ['case', ['==', ['get', 'quality'], 'UNLOCATED'], ['literal', [2, 2]], ['literal', [1, 0]]],
      },
    });
    this.update(map, store);
  }

  update(map: MapLibreMap, store: LiveStore): void {
    const features = [...store.incidents.values()]
      .filter((i) => i.area && this.visible(i.kind, i.open))
      .map((i) => ({
        type: 'Feature' as const,
        id: i.id,
        geometry: { type: 'Polygon' as const, coordinates: i.area! },
        properties: { id: i.id, kind: i.kind, quality: i.locationQuality ?? 'LOCATED' },
      }));
    setData(map, 'incident-areas', collection(features));
  }

  remove(map: MapLibreMap): void {
    removeAll(map, ['incident-areas-line', 'incident-areas-fill'], ['incident-areas']);
  }
}
