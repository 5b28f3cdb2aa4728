import type { Map as MapLibreMap } from 'maplibre-gl';
import { collection, removeAll, setData, type MapLayer } from '../map/layer';
import { plannedFeatures, shadeWards, siteFeatures, type CameraPlanView, type PlannedCameraView } from './planningModel';

export const PLANNING_COLOURS = { covered: '#2e7d32', uncovered: '#d32f2f', proposed: '#1565c0', planned: '#8e24aa' } as const;

const LAYERS = [
  'planning-wards-fill',
  'planning-roads-covered',
  'planning-roads-uncovered',
  'planning-planned-views',
  'planning-planned-point',
  'planning-site-views',
  'planning-sites-point',
];
const SOURCES = ['planning-wards', 'planning-roads', 'planning-gaps', 'planning-planned', 'planning-planned-views', 'planning-sites', 'planning-site-views'];

/**
 * The planners' layers: wards shaded by coverage %, roads green where covered and red where a gap remains, adopted
 * planned cameras (violet) and a plan's proposed sites with their view areas (blue). The data comes from the panel;
 * the layer only draws it.
 */
export class PlanningLayer implements MapLayer {
  readonly id = 'planning';
  readonly topics = [] as const;
  readonly clickable = ['planning-sites-point'];
  private wards: GeoJSON.FeatureCollection | null = null;
  private percentByWard: ReadonlyMap<string, number> = new Map();
  private gaps: GeoJSON.Feature[] = [];
  private plan: CameraPlanView | null = null;
  private planned: PlannedCameraView[] = [];
  private map: MapLibreMap | null = null;

  constructor(private readonly base: string) {}

  add(map: MapLibreMap): void {
    this.map = map;
    for (const id of SOURCES) map.addSource(id, { type: 'geojson', data: id === 'planning-roads' ? `${this.base}/map/layers/roads.geojson` : collection([]) });
    map.addLayer({ id: 'planning-wards-fill', type: 'fill', source: 'planning-wards', paint: { 'fill-color': ['get', 'coverageColour'], 'fill-opacity': 0.35 } });
    const width = ['interpolate', ['linear'], ['zoom'], 11, 1, 16, 5] as unknown as number;
    map.addLayer({ id: 'planning-roads-covered', type: 'line', source: 'planning-roads', paint: { 'line-color': PLANNING_COLOURS.covered, 'line-width': width } });
    map.addLayer({ id: 'planning-roads-uncovered', type: 'line', source: 'planning-gaps', paint: { 'line-color': PLANNING_COLOURS.uncovered, 'line-width': width } });
    for (const [prefix, colour] of [
      ['planning-planned', PLANNING_COLOURS.planned],
      ['planning-site', PLANNING_COLOURS.proposed],
    ] as const) {
      const views = prefix === 'planning-site' ? 'planning-site-views' : 'planning-planned-views';
      map.addLayer({ id: `${prefix}-views`, type: 'fill', source: views, paint: { 'fill-color': colour, 'fill-opacity': 0.22 } });
      map.addLayer({
        id: prefix === 'planning-site' ? 'planning-sites-point' : 'planning-planned-point',
        type: 'circle',
        source: prefix === 'planning-site' ? 'planning-sites' : 'planning-planned',
        paint: { 'circle-color': colour, 'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 4, 15, 8], 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 },
      });
    }
    void fetch(`${this.base}/map/layers/wards.geojson`)
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`wards.geojson: HTTP ${r.status}`))))
      .then((wards: GeoJSON.FeatureCollection) => {
        this.wards = wards;
        this.draw();
      })
      .catch(() => undefined);
    this.draw();
  }

  update(): void {}

  remove(map: MapLibreMap): void {
    removeAll(map, LAYERS, SOURCES);
    this.map = null;
  }

  setCoverage(percentByWard: ReadonlyMap<string, number>, gaps: GeoJSON.Feature[]): void {
    this.percentByWard = percentByWard;
    this.gaps = gaps;
    this.draw();
  }

  /** Draws a plan's sites and brings them into view: a city-wide plan may place them far from where the map looks. */
  setPlan(plan: CameraPlanView | null): void {
    this.plan = plan;
    this.draw();
    if (this.map && plan && plan.sites.length > 0) {
      const lons = plan.sites.map((s) => s.lon);
      const lats = plan.sites.map((s) => s.lat);
      this.map.fitBounds([Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)], { padding: 80, maxZoom: 15, duration: 0 });
    }
  }

  setPlanned(cameras: PlannedCameraView[]): void {
    this.planned = cameras;
    this.draw();
  }

  setVisible(visible: boolean): void {
    if (!this.map) return;
    for (const id of LAYERS) if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
  }

  private draw(): void {
    const map = this.map;
    if (!map || !map.getSource('planning-wards')) return;
    if (this.wards) setData(map, 'planning-wards', collection(shadeWards(this.wards, this.percentByWard)));
    setData(map, 'planning-gaps', collection(this.gaps as GeoJSON.Feature<GeoJSON.Geometry, Record<string, unknown>>[]));
    const sites = siteFeatures(this.plan);
    setData(map, 'planning-sites', collection(sites.points));
    setData(map, 'planning-site-views', collection(sites.views));
    const planned = plannedFeatures(this.planned);
    setData(map, 'planning-planned', collection(planned.points));
    setData(map, 'planning-planned-views', collection(planned.views));
  }
}
