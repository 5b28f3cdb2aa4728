import { MalformedEvent, point, readAlert, readSightingEvent } from '../state/parse';
import type { LiveStore } from '../state/store';

type Json = Record<string, unknown>;

function obj(value: unknown, what: string): Json {
  if (!value || typeof value !== 'object') throw new MalformedEvent(`${what}: not an object`);
  return value as Json;
}

/** What each subscription's event does to the store; pure functions of (store, event) so tests can drive them. */
export const ALERT_HANDLERS = {
  alert(store: LiveStore, data: unknown, onIncident: (id: string) => void): void {
    const alert = readAlert(data);
    if (store.addAlert(alert) && alert.kind === 'incident') onIncident(alert.subject);
  },

  incident(store: LiveStore, data: unknown, onIncident: (id: string) => void): void {
    const e = obj(data, 'incidentUpdates');
    const id = e.incidentId;
    const status = e.status;
    if (typeof id !== 'string' || typeof status !== 'string') throw new MalformedEvent('incidentUpdates: no incidentId/status');
    const [lon, lat] = point(e.location, 'incidentUpdates.location');
    store.moveIncident(id, status, () => ({
      id,
      kind: typeof e.kind === 'string' ? e.kind : 'SMOKE',
      status,
      open: status !== 'RESOLVED',
      lon,
      lat,
      wardCode: typeof e.wardCode === 'string' ? e.wardCode : null,
      description: null,
      detectedAt: typeof e.occurredAt === 'string' ? e.occurredAt : null,
      dispatchedAt: null,
      onSceneAt: null,
      resolvedAt: null,
      responseTimeSeconds: null,
    }));
    // The event carries the status only; the timestamps behind the response clock come from a query.
    onIncident(id);
  },

  sighting(store: LiveStore, data: unknown): void {
    store.applySightings(readSightingEvent(data));
  },

  cameraStatus(store: LiveStore, data: unknown): void {
    const e = obj(data, 'cameraStatus');
    if (typeof e.cameraId !== 'string' || typeof e.online !== 'boolean') throw new MalformedEvent('cameraStatus: no cameraId/online');
    store.setCameraOnline(e.cameraId, e.online);
  },

  entity(data: unknown, onPlace: (kind: string, id: string) => void): void {
    const e = obj(data, 'entityChanged');
    if (typeof e.entityKind !== 'string' || typeof e.entityId !== 'string') throw new MalformedEvent('entityChanged: no entityKind/entityId');
    onPlace(e.entityKind, e.entityId);
  },
};
