import type { Map as MapLibreMap } from 'maplibre-gl';
import type { PlaceKind } from '../../state/model';
import type { LiveStore } from '../../state/store';
import { collection, pointFeature, removeAll, setData, type MapLayer } from '../layer';

const COLOURS: Record<PlaceKind, string> = { store: '#ef6c00', school: '#6a1b9a', clinic: '#00838f' };

/** Stores, schools or clinics: one layer per kind so each can be switched on its own. */
export class PlacesLayer implements MapLayer {
  readonly id: string;
  readonly topics = ['places'] as const;
  readonly clickable: string[];

  constructor(readonly kind: PlaceKind) {
    this.id = `places-${kind}`;
    this.clickable = [`${this.id}-point`];
  }

  add(map: MapLibreMap, store: LiveStore): void {
    map.addSource(this.id, { type: 'geojson', data: collection([]) });
    map.addLayer({
      id: `${this.id}-point`,
      type: 'circle',
      source: this.id,
      paint: { 'circle-color': COLOURS[this.kind], 'circle-radius': 6, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
    });
    this.update(map, store);
  }

  update(map: MapLibreMap, store: LiveStore): void {
    const features = [...store.places.values()]
      .filter((p) => p.kind === this.kind)
      .map((p) => pointFeature(p.id, p.lon, p.lat, { kind: p.kind, name: p.name }));
    setData(map, this.id, collection(features));
  }

  remove(map: MapLibreMap): void {
    removeAll(map, [`${this.id}-point`], [this.id]);
  }
}
