import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LiveStore, Topic } from '../state/store';

/** One thing drawn on the map. It owns its sources and style layers: it adds them, updates them and removes them. */
export interface MapLayer {
  readonly id: string;
  /** Store topics that make it redraw. */
  readonly topics: readonly Topic[];
  /**
   * Least time between two redraws. A layer fed by a torrent (sightings) waits this long, merging everything that
   * came meanwhile, so that re-tiling in MapLibre's worker does not starve the frame rate.
   */
  readonly minIntervalMs?: number;
  /** True while MapLibre still processes the previous update; the redraw then waits (back-pressure, no queue). */
  busy?(map: MapLibreMap): boolean;
  /** Style layer ids that answer clicks, if any. */
  readonly clickable?: readonly string[];
  add(map: MapLibreMap, store: LiveStore): void;
  update(map: MapLibreMap, store: LiveStore): void;
  remove(map: MapLibreMap): void;
}

export type FeatureCollection = GeoJSON.FeatureCollection<GeoJSON.Geometry, Record<string, unknown>>;

export function collection(features: GeoJSON.Feature<GeoJSON.Geometry, Record<string, unknown>>[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}

export function pointFeature(id: string, lon: number, lat: number, properties: Record<string, unknown>): GeoJSON.Feature<GeoJSON.Point, Record<string, unknown>> {
  return { type: 'Feature', id, geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { id, ...properties } };
}

/** Removes style layers, then the source (MapLibre refuses to remove a source still in use). */
export function removeAll(map: MapLibreMap, layerIds: string[], sourceIds: string[]): void {
  for (const id of layerIds) if (map.getLayer(id)) map.removeLayer(id);
  for (const id of sourceIds) if (map.getSource(id)) map.removeSource(id);
}

export function setData(map: MapLibreMap, sourceId: string, data: FeatureCollection): void {
  const source = map.getSource(sourceId) as { setData?: (d: FeatureCollection) => void } | undefined;
  source?.setData?.(data);
}
