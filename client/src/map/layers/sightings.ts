import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LiveStore } from '../../state/store';
import { collection, pointFeature, removeAll, setData, type MapLayer } from '../layer';

/** The latest position of each recently read plate; watched plates stand out. */
export class SightingsLayer implements MapLayer {
  readonly id = 'sightings';
  readonly topics = ['sightings'] as const;
  readonly clickable = ['sightings-point'];
  /** Four redraws a second at most: each setData re-tiles every plate on the map. */
  readonly minIntervalMs = 250;

  busy(map: MapLibreMap): boolean {
    return !!map.getSource('sightings') && !map.isSourceLoaded('sightings');
  }

  add(map: MapLibreMap, store: LiveStore): void {
    map.addSource('sightings', { type: 'geojson', data: collection([]) });
    map.addLayer({
      id: 'sightings-point',
      type: 'circle',
      source: 'sightings',
      paint: {
        'circle-color': ['case', ['==', ['get', 'watch'], 'watched'], '#d50000', '#1565c0'],
        'circle-radius': ['case', ['==', ['get', 'watch'], 'watched'], 9, 4],
        'circle-opacity': 0.85,
        'circle-stroke-color': ['case', ['==', ['get', 'watch'], 'watched'], '#ffeb3b', '#ffffff'],
        'circle-stroke-width': ['case', ['==', ['get', 'watch'], 'watched'], 3, 1],
      },
    });
    this.update(map, store);
  }

  update(map: MapLibreMap, store: LiveStore): void {
    const features = [...store.sightings.values()].map((s) =>
      pointFeature(s.plate, s.lon, s.lat, { plate: s.plate, watch: s.watched ? 'watched' : 'none', cameraId: s.cameraId, seenAt: s.seenAt }),
    );
    setData(map, 'sightings', collection(features));
  }

  remove(map: MapLibreMap): void {
    removeAll(map, ['sightings-point'], ['sightings']);
  }
}
