import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LiveStore } from '../../state/store';
import { collection, pointFeature, removeAll, setData, type MapLayer } from '../layer';

export const CAMERA_COLOURS = { online: '#2e7d32', offline: '#c62828' } as const;

/** Cameras as points with their view areas (sector or disc), coloured by online/offline. */
export class CamerasLayer implements MapLayer {
  readonly id = 'cameras';
  readonly topics = ['cameras'] as const;
  readonly clickable = ['cameras-point'];

  add(map: MapLibreMap, store: LiveStore): void {
    map.addSource('camera-views', { type: 'geojson', data: collection([]) });
    map.addSource('cameras', { type: 'geojson', data: collection([]), promoteId: 'id' });
    // Feature properties are strings here: MapLibre's tiling of GeoJSON does not keep booleans reliably.
    const colour = ['match', ['get', 'status'], 'online', CAMERA_COLOURS.online, CAMERA_COLOURS.offline] as unknown as string;
    map.addLayer({ id: 'camera-views-fill', type: 'fill', source: 'camera-views', paint: { 'fill-color': colour, 'fill-opacity': 0.18 } });
    map.addLayer({ id: 'camera-views-line', type: 'line', source: 'camera-views', paint: { 'line-color': colour, 'line-width': 0.8, 'line-opacity': 0.6 } });
    map.addLayer({
      id: 'cameras-point',
      type: 'circle',
      source: 'cameras',
      paint: {
        'circle-color': colour,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 3, 15, 7],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.2,
      },
    });
    this.update(map, store);
  }

  update(map: MapLibreMap, store: LiveStore): void {
    const cameras = [...store.cameras.values()];
    setData(map, 'cameras', collection(cameras.map((c) => pointFeature(c.id, c.lon, c.lat, { name: c.name, status: c.online ? 'online' : 'offline', kind: c.kind }))));
    setData(
      map,
      'camera-views',
      collection(
        cameras
          .filter((c) => c.viewArea)
          .map((c) => ({ type: 'Feature' as const, id: c.id, geometry: c.viewArea!, properties: { id: c.id, status: c.online ? 'online' : 'offline' } })),
      ),
    );
  }

  remove(map: MapLibreMap): void {
    removeAll(map, ['cameras-point', 'camera-views-line', 'camera-views-fill'], ['cameras', 'camera-views']);
  }
}
