import { describe, expect, it } from 'vitest';
import { ALERT_HANDLERS } from '../src/api/liveHandlers';
import { MalformedEvent, readAlert, readCamera, readSightingEvent } from '../src/state/parse';
import { LIMITS, LiveStore } from '../src/state/store';
import type { SightingMark } from '../src/state/model';

const point = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] });

function sightingEvent(plate: string, cameraId = 'cam-1', seenAt = '2026-11-26T01:00:00Z') {
  return {
    eventId: `e-${plate}-${seenAt}`,
    occurredAt: seenAt,
    location: point(106.75, 10.8),
    plate,
    vehicleKind: 'MOTORBIKE',
    watched: false,
    sightings: [{ cameraId, seenAt, location: point(106.75, 10.8), confidence: 0.9 }],
  };
}

describe('LiveStore', () => {
  it('merges a burst into one dirty mark per topic, keyed by plate', () => {
    const store = new LiveStore();
    let signals = 0;
    store.onDirty(() => signals++);
    for (let i = 0; i < 1000; i++) store.applySightings(readSightingEvent(sightingEvent(`59X1${String(i % 100).padStart(5, '0')}`)));
    expect(signals).toBe(1);
    expect([...store.takeDirty()]).toEqual(['sightings']);
    expect(store.sightings.size).toBe(100);
    expect(store.sightingsReceived).toBe(1000);
  });

  it('moves a plate seen again to its newest position', () => {
    const store = new LiveStore();
    store.applySightings(readSightingEvent(sightingEvent('A', 'cam-1')));
    store.applySightings(readSightingEvent(sightingEvent('B', 'cam-1')));
    store.applySightings(readSightingEvent(sightingEvent('A', 'cam-2', '2026-11-26T01:00:05Z')));
    expect([...store.sightings.keys()]).toEqual(['B', 'A']);
    expect(store.sightings.get('A')!.cameraId).toBe('cam-2');
    expect(store.readsByCamera.get('cam-1')!.map((r) => r.plate)).toEqual(['B', 'A']);
  });

  it('keeps at most LIMITS.sightings plates, dropping the oldest', () => {
    const now = Date.parse('2026-11-26T01:00:00Z');
    const store = new LiveStore(() => now);
    const marks: SightingMark[] = [];
    for (let i = 0; i < LIMITS.sightings + 10; i++)
      marks.push({ plate: `P${i}`, cameraId: 'c', lon: 106.7, lat: 10.8, seenAt: '', watched: false, occurredAtMs: now });
    store.applySightings(marks);
    expect(store.sightings.size).toBe(LIMITS.sightings);
    expect(store.sightings.has('P0')).toBe(false);
    expect(store.sightings.has(`P${LIMITS.sightings + 9}`)).toBe(true);
  });

  it('drops sightings older than the age limit', () => {
    let now = Date.parse('2026-11-26T01:00:00Z');
    const store = new LiveStore(() => now);
    store.applySightings([{ plate: 'OLD', cameraId: 'c', lon: 1, lat: 1, seenAt: '', watched: false, occurredAtMs: now }]);
    now += LIMITS.sightingAgeMs + 1;
    store.applySightings([{ plate: 'NEW', cameraId: 'c', lon: 1, lat: 1, seenAt: '', watched: false, occurredAtMs: now }]);
    expect([...store.sightings.keys()]).toEqual(['NEW']);
  });

  it('counts an alert delivered twice once, and counts unread', () => {
    const store = new LiveStore();
    const alert = readAlert({ __typename: 'WatchlistHitAlert', eventId: 'x1', occurredAt: '2026-11-26T01:00:00Z', location: point(106.7, 10.8), plate: '59-X1 123.45', reason: 'stolen', cameraId: 'cam-1' });
    expect(store.addAlert(alert)).toBe(true);
    expect(store.addAlert({ ...alert })).toBe(false);
    expect(store.unreadCount).toBe(1);
    store.markRead('x1');
    expect(store.unreadCount).toBe(0);
  });

  it('replaces cameras, incidents and places on a snapshot but keeps live sightings', () => {
    const store = new LiveStore();
    store.applySightings(readSightingEvent(sightingEvent('A')));
    store.upsertCamera(readCamera({ id: 'gone', location: point(106, 10), online: true }));
    store.loadSnapshot({ cameras: [readCamera({ id: 'cam-9', name: 'Nine', location: point(106.7, 10.8), online: false })], incidents: [], wards: [], places: [] });
    expect([...store.cameras.keys()]).toEqual(['cam-9']);
    expect(store.cameras.get('cam-9')!.online).toBe(false);
    expect(store.sightings.has('A')).toBe(true);
  });

  it('applies camera status events by id', () => {
    const store = new LiveStore();
    store.upsertCamera(readCamera({ id: 'cam-1', location: point(106.7, 10.8), online: true }));
    ALERT_HANDLERS.cameraStatus(store, { cameraId: 'cam-1', online: false });
    expect(store.cameras.get('cam-1')!.online).toBe(false);
  });

  it('moves a known incident and creates an unknown one from the event', () => {
    const store = new LiveStore();
    const seen: string[] = [];
    ALERT_HANDLERS.incident(store, { incidentId: 'i1', kind: 'SMOKE', status: 'DETECTED', location: point(106.74, 10.76) }, (id) => seen.push(id));
    ALERT_HANDLERS.incident(store, { incidentId: 'i1', kind: 'SMOKE', status: 'RESOLVED', location: point(106.74, 10.76) }, (id) => seen.push(id));
    expect(store.incidents.get('i1')).toMatchObject({ status: 'RESOLVED', open: false, kind: 'SMOKE' });
    expect(seen).toEqual(['i1', 'i1']);
  });
});

describe('event parsing', () => {
  it.each([
    ['null', null],
    ['no plate', { ...sightingEvent('A'), plate: '' }],
    ['no reads', { ...sightingEvent('A'), sightings: [] }],
    ['latitude out of range', { ...sightingEvent('A'), sightings: [{ cameraId: 'c', seenAt: 'x', location: point(106, 95), confidence: 1 }] }],
    ['a line for a point', { ...sightingEvent('A'), sightings: [{ cameraId: 'c', seenAt: 'x', location: { type: 'LineString', coordinates: [] }, confidence: 1 }] }],
  ])('refuses a malformed sighting (%s) without touching the store', (_, raw) => {
    const store = new LiveStore();
    expect(() => ALERT_HANDLERS.sighting(store, raw)).toThrow(MalformedEvent);
    expect(store.sightings.size).toBe(0);
    expect(store.takeDirty().size).toBe(0);
  });

  it('reads a GeoJSON scalar sent as a string', () => {
    const [mark] = readSightingEvent({ ...sightingEvent('A'), sightings: [{ cameraId: 'c', seenAt: 't', location: JSON.stringify(point(106.1, 10.2)), confidence: 1 }] });
    expect([mark.lon, mark.lat]).toEqual([106.1, 10.2]);
  });

  it('shows an alert kind it does not know yet (imaging results) instead of dropping it', () => {
    const alert = readAlert({ __typename: 'ImagingResultAlert', eventId: 'm1', occurredAt: '2026-11-26T01:00:00Z', clinicId: 'clinic-1', finding: 'nodule' });
    expect(alert).toMatchObject({ kind: 'imaging', subject: 'clinic-1', detail: 'nodule', lon: null });
  });
});
