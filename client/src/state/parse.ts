import type { AlertItem, Camera, Incident, Place, PlaceKind, SightingMark, Ward } from './model';
import { readArea } from '../incidents/area';

/**
 * Turns server JSON into client records. Every reader throws MalformedEvent on a shape it does not
 * expect, so a bad event is reported to the operator and never half-applied.
 */
export class MalformedEvent extends Error {
  constructor(what: string) {
    super(what);
    this.name = 'MalformedEvent';
  }
}

type Json = Record<string, unknown>;

function obj(value: unknown, what: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new MalformedEvent(`${what}: not an object`);
  return value as Json;
}

function str(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new MalformedEvent(`${what}: not a string`);
  return value;
}

function optStr(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function optNum(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A GeoJSON Point's [lon, lat]; the scalar may arrive as an object or a JSON string. */
export function point(value: unknown, what: string): [number, number] {
  const geometry = obj(typeof value === 'string' ? safeJson(value, what) : value, what);
  const coordinates = geometry.coordinates;
  if (geometry.type !== 'Point' || !Array.isArray(coordinates) || coordinates.length < 2) throw new MalformedEvent(`${what}: not a Point`);
  const [lon, lat] = coordinates as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number' || Math.abs(lon) > 180 || Math.abs(lat) > 90)
    throw new MalformedEvent(`${what}: coordinates out of range`);
  return [lon, lat];
}

function optPoint(value: unknown, what: string): [number, number] | null {
  return value === null || value === undefined ? null : point(value, what);
}

function polygon(value: unknown): GeoJSON.Polygon | GeoJSON.MultiPolygon | null {
  const geometry = typeof value === 'string' ? safeJson(value, 'viewArea') : value;
  if (geometry && typeof geometry === 'object' && ['Polygon', 'MultiPolygon'].includes((geometry as Json).type as string))
    return geometry as GeoJSON.Polygon;
  return null;
}

function safeJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new MalformedEvent(`${what}: not JSON`);
  }
}

function timeMs(value: unknown): number {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isFinite(ms) ? ms : Date.now();
}

export function readCamera(raw: unknown): Camera {
  const c = obj(raw, 'camera');
  const [lon, lat] = point(c.location, 'camera.location');
  return {
    id: str(c.id, 'camera.id'),
    name: optStr(c.name) ?? String(c.id),
    wardCode: optStr(c.wardCode) ?? '',
    lon,
    lat,
    kind: optStr(c.kind) ?? 'ANPR_FIXED',
    online: c.online !== false,
    headingDeg: optNum(c.headingDeg) ?? 0,
    road: optStr(c.road),
    viewArea: polygon(c.viewArea),
  };
}

/** A SightingEvent: one mark per read, newest last. */
export function readSightingEvent(raw: unknown): SightingMark[] {
  const e = obj(raw, 'sighting');
  const plate = str(e.plate, 'sighting.plate');
  const occurredAtMs = timeMs(e.occurredAt);
  const reads = e.sightings;
  if (!Array.isArray(reads) || reads.length === 0) throw new MalformedEvent('sighting.sightings: empty');
  return reads.map((r, i) => {
    const read = obj(r, `sighting.sightings[${i}]`);
    const [lon, lat] = point(read.location, 'sighting.location');
    return {
      plate,
      cameraId: str(read.cameraId, 'sighting.cameraId'),
      lon,
      lat,
      seenAt: str(read.seenAt, 'sighting.seenAt'),
      watched: e.watched === true,
      occurredAtMs,
    };
  });
}

export function readIncident(raw: unknown): Incident {
  const i = obj(raw, 'incident');
  const [lon, lat] = point(i.location, 'incident.location');
  const status = str(i.status, 'incident.status');
  return {
    id: str(i.id ?? i.incidentId, 'incident.id'),
    kind: str(i.kind, 'incident.kind'),
    status,
    open: typeof i.open === 'boolean' ? i.open : status !== 'RESOLVED',
    lon,
    lat,
    wardCode: optStr(i.wardCode),
    description: optStr(i.description),
    detectedAt: optStr(i.detectedAt),
    dispatchedAt: optStr(i.dispatchedAt),
    onSceneAt: optStr(i.onSceneAt),
    resolvedAt: optStr(i.resolvedAt),
    responseTimeSeconds: optNum(i.responseTimeSeconds),
    area: readArea(i.area),
    locationQuality: optStr(i.locationQuality),
    snapshotUrl: optStr(i.snapshotUrl),
  };
}

/** An Alert union member; unknown members (added later on the server) still show, as "imaging" or generic. */
export function readAlert(raw: unknown): AlertItem {
  const a = obj(raw, 'alert');
  const id = str(a.eventId, 'alert.eventId');
  const at = optStr(a.occurredAt) ?? new Date().toISOString();
  const location = optPoint(a.location, 'alert.location');
  const base = { id, at, lon: location?.[0] ?? null, lat: location?.[1] ?? null, read: false, acknowledged: false, imageUrl: optStr(a.cropUrl ?? a.imageUrl) };
  switch (a.__typename) {
    case 'WatchlistHitAlert':
      return { ...base, kind: 'watchlist', subject: str(a.plate, 'alert.plate'), detail: `${optStr(a.reason) ?? ''} · ${optStr(a.cameraId) ?? ''}` };
    case 'IncidentEvent':
      return { ...base, kind: 'incident', subject: str(a.incidentId, 'alert.incidentId'), detail: `${optStr(a.kind) ?? ''} · ${optStr(a.status) ?? ''}` };
    default:
      // Imaging-result alerts are being added on the server; they carry a clinic and a finding.
      return { ...base, kind: 'imaging', subject: optStr(a.clinicId) ?? optStr(a.__typename) ?? 'alert', detail: optStr(a.finding ?? a.summary) ?? '' };
  }
}

export function readWard(raw: unknown, metricFields: readonly string[]): Ward {
  const w = obj(raw, 'ward');
  const label = optPoint(w.labelPoint, 'ward.labelPoint');
  const metrics: Record<string, number | null> = {};
  for (const field of metricFields) metrics[field] = optNum(w[field]);
  return { code: str(w.code, 'ward.code'), name: optStr(w.name) ?? String(w.code), lon: label?.[0] ?? null, lat: label?.[1] ?? null, metrics };
}

export function readPlace(raw: unknown, kind: PlaceKind): Place {
  const p = obj(raw, kind);
  const [lon, lat] = point(p.location, `${kind}.location`);
  const counters: Record<string, number | null> = {};
  if (kind === 'store') {
    counters['place.sessions'] = optNum(p.livestreamSessions);
    counters['place.orders'] = optNum(typeof p.orders === 'string' ? Number(p.orders) : p.orders);
    counters['place.revenue'] = optNum(typeof p.revenueVnd === 'string' ? Number(p.revenueVnd) : p.revenueVnd);
  } else if (kind === 'school') {
    counters['place.pupils'] = optNum(p.pupils);
    counters['place.remoteClasses'] = optNum(p.remoteClasses);
  } else {
    const imaging = p.imaging && typeof p.imaging === 'object' ? (p.imaging as Json) : {};
    counters['place.studies'] = optNum(imaging.imagingStudies);
    counters['place.aiResults'] = optNum(imaging.aiResults);
    counters['place.abnormal'] = optNum(imaging.abnormalResults);
  }
  return { id: str(p.id, `${kind}.id`), kind, name: optStr(p.name) ?? String(p.id), wardCode: optStr(p.wardCode) ?? '', lon, lat, counters };
}
