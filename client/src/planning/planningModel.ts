/** What the planner view draws and shows, read from the API's answers; pure, so Vitest covers it. */
export interface PlanSite {
  rank: number;
  lon: number;
  lat: number;
  gainM: number;
  wardCode: string;
  viewArea: GeoJSON.Geometry;
}

export interface CameraPlanView {
  id: string;
  kind: string;
  candidateCount: number;
  beforePercent: number;
  afterPercent: number;
  addedM: number;
  optimal: boolean;
  gapPercent: number;
  solveSeconds: number;
  greedyAfterPercent: number;
  greedyAddedM: number;
  greedySeconds: number;
  summary: string;
  sites: PlanSite[];
}

export interface PlannedCameraView {
  id: string;
  planId: string;
  lon: number;
  lat: number;
  viewArea: GeoJSON.Geometry;
  gainM: number;
}

type Feature = GeoJSON.Feature<GeoJSON.Geometry, Record<string, unknown>>;

function point(geometry: unknown): [number, number] {
  const g = geometry as GeoJSON.Point | null;
  if (!g || g.type !== 'Point' || g.coordinates.length < 2) throw new Error('a site has no point location');
  return [g.coordinates[0], g.coordinates[1]];
}

/** Reads a `cameraPlan` object; throws with the reason on a malformed answer. */
export function readPlan(raw: Record<string, unknown>): CameraPlanView {
  const sites = (raw.sites as Record<string, unknown>[]).map((s) => {
    const [lon, lat] = point(s.location);
    return { rank: Number(s.rank), lon, lat, gainM: Number(s.gainM), wardCode: String(s.wardCode), viewArea: s.viewArea as GeoJSON.Geometry };
  });
  return {
    id: String(raw.id),
    kind: String(raw.kind),
    candidateCount: Number(raw.candidateCount),
    beforePercent: Number(raw.beforePercent),
    afterPercent: Number(raw.afterPercent),
    addedM: Number(raw.addedM),
    optimal: Boolean(raw.optimal),
    gapPercent: Number(raw.gapPercent),
    solveSeconds: Number(raw.solveSeconds),
    greedyAfterPercent: Number(raw.greedyAfterPercent),
    greedyAddedM: Number(raw.greedyAddedM),
    greedySeconds: Number(raw.greedySeconds),
    summary: String(raw.summary),
    sites: sites.sort((a, b) => a.rank - b.rank),
  };
}

export function readPlannedCameras(raw: Record<string, unknown>[]): PlannedCameraView[] {
  return raw.map((c) => {
    const [lon, lat] = point(c.location);
    return { id: String(c.id), planId: String(c.planId), lon, lat, viewArea: c.viewArea as GeoJSON.Geometry, gainM: Number(c.gainM) };
  });
}

/** Colour of a ward shaded by covered share: red (0%) through amber to green (100%); grey without roads. */
export function coverageColour(percent: number | null): string {
  if (percent === null || !Number.isFinite(percent)) return '#b0b7c3';
  const p = Math.min(100, Math.max(0, percent));
  const stops: [number, [number, number, number]][] = [
    [0, [198, 40, 40]],
    [25, [239, 108, 0]],
    [50, [249, 168, 37]],
    [100, [46, 125, 50]],
  ];
  let i = 0;
  while (i < stops.length - 2 && p > stops[i + 1][0]) i++;
  const [p0, c0] = stops[i];
  const [p1, c1] = stops[i + 1];
  const f = (p - p0) / (p1 - p0);
  const hex = c0.map((c, k) => Math.round(c + (c1[k] - c) * f).toString(16).padStart(2, '0')).join('');
  return `#${hex}`;
}

/** Ward features of the basemap with each ward's coverage % and colour attached (as strings/numbers MapLibre keeps). */
export function shadeWards(wards: GeoJSON.FeatureCollection, percentByWard: ReadonlyMap<string, number>): Feature[] {
  return wards.features.map((f) => {
    const code = String((f.properties as Record<string, unknown> | null)?.code ?? '');
    const percent = percentByWard.has(code) ? percentByWard.get(code)! : null;
    return { ...f, properties: { ...(f.properties ?? {}), code, coveragePercent: percent ?? -1, coverageColour: coverageColour(percent) } } as Feature;
  });
}

/** Proposed sites as points (with rank and marginal gain for labels) and their view areas. */
export function siteFeatures(plan: CameraPlanView | null): { points: Feature[]; views: Feature[] } {
  if (!plan) return { points: [], views: [] };
  return {
    points: plan.sites.map((s) => ({
      type: 'Feature',
      id: s.rank,
      geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
      properties: { rank: s.rank, gainM: s.gainM, label: `${s.rank} · +${formatKm(s.gainM)}` },
    })),
    views: plan.sites.map((s) => ({ type: 'Feature', id: s.rank, geometry: s.viewArea, properties: { rank: s.rank } })),
  };
}

export function plannedFeatures(cameras: readonly PlannedCameraView[]): { points: Feature[]; views: Feature[] } {
  return {
    points: cameras.map((c) => ({ type: 'Feature', id: c.id, geometry: { type: 'Point', coordinates: [c.lon, c.lat] }, properties: { id: c.id, status: 'planned' } })),
    views: cameras.map((c) => ({ type: 'Feature', id: c.id, geometry: c.viewArea, properties: { id: c.id, status: 'planned' } })),
  };
}

/** Metres as kilometres with two decimals, e.g. 1234 → "1.23 km". */
export function formatKm(metres: number): string {
  return `${(metres / 1000).toFixed(2)} km`;
}

export function formatPercent(value: number): string {
  return `${value.toFixed(1)}%`;
}

/** The count a planner typed: a whole number from 1 to 1000, else the reason it is refused. */
export function parseCount(text: string): { count: number } | { error: 'count' } {
  const value = Number(text.trim());
  return Number.isInteger(value) && value >= 1 && value <= 1000 ? { count: value } : { error: 'count' };
}
