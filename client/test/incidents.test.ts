import { describe, expect, it } from 'vitest';
import { formatClock, responseSeconds } from '../src/incidents/clock';
import { readArea } from '../src/incidents/area';
import { isOwnSnapshotUrl } from '../src/incidents/snapshot';

describe('response clock', () => {
  it('shows seven minutes as 7:00', () => {
    expect(formatClock(420)).toBe('7:00');
    expect(formatClock(65.4)).toBe('1:05');
    expect(formatClock(3660)).toBe('61:00');
    expect(formatClock(null)).toBe('–');
  });

  it('runs from dispatch while the team is on its way and stops on scene', () => {
    const dispatchedAt = '2026-12-07T08:00:00Z';
    const running = { dispatchedAt, onSceneAt: null, responseTimeSeconds: null };
    expect(responseSeconds(running, Date.parse('2026-12-07T08:03:30Z'))).toBe(210);
    const stopped = { dispatchedAt, onSceneAt: '2026-12-07T08:07:00Z', responseTimeSeconds: null };
    expect(formatClock(responseSeconds(stopped, Date.parse('2026-12-07T09:00:00Z')))).toBe('7:00');
    expect(responseSeconds({ dispatchedAt: null, onSceneAt: null, responseTimeSeconds: null }, Date.now())).toBeNull();
    expect(responseSeconds({ dispatchedAt: 'not a time', onSceneAt: null, responseTimeSeconds: null }, Date.now())).toBeNull();
  });
});

describe('incident area', () => {
  const ring = [[106.73, 10.75], [106.74, 10.75], [106.74, 10.76], [106.73, 10.75]];

  it('reads a GeoJSON polygon', () => {
    expect(readArea({ type: 'Polygon', coordinates: [ring] })).toEqual([ring]);
  });

  it('refuses what is not a polygon', () => {
    expect(readArea(null)).toBeNull();
    expect(readArea({ type: 'Point', coordinates: [106.7, 10.7] })).toBeNull();
    expect(readArea({ type: 'Polygon', coordinates: [[[106.7, 10.7], [106.8, 10.7]]] })).toBeNull();
    expect(readArea({ type: 'Polygon', coordinates: [[[106.7, 'x'], [106.8, 10.7], [1, 2], [106.7, 'x']]] })).toBeNull();
  });
});

describe('snapshot URL', () => {
  it('is fetched with the key only on the own snapshot route', () => {
    expect(isOwnSnapshotUrl(`/incidents/snapshots/${'a'.repeat(64)}.jpg`)).toBe(true);
    expect(isOwnSnapshotUrl(`https://evil.example/incidents/snapshots/${'a'.repeat(64)}.jpg`)).toBe(false);
    expect(isOwnSnapshotUrl('/plates/crops/x.jpg')).toBe(false);
    expect(isOwnSnapshotUrl(null)).toBe(false);
  });
});
