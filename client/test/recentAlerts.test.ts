import { describe, expect, it } from 'vitest';
import { readAlert } from '../src/state/parse';
import { LiveStore } from '../src/state/store';

const incident = (id: string, at: string) =>
  readAlert({ __typename: 'IncidentEvent', eventId: id, occurredAt: at, location: null, incidentId: `inc-${id}`, kind: 'SMOKE', status: 'OPEN' });

describe('LiveStore.loadAlerts (the feed filled from the server on load and reconnect)', () => {
  it('adds kept alerts newest first and takes the server acknowledgement as read', () => {
    const store = new LiveStore();
    store.loadAlerts([
      { ...incident('b', '2026-12-07T10:05:00Z'), acknowledged: true, read: true },
      incident('a', '2026-12-07T10:00:00Z'),
    ]);

    expect(store.alerts.map((a) => a.id)).toEqual(['b', 'a']);
    expect(store.unreadCount).toBe(1);
  });

  it('merges with live alerts by id, without duplicates, keeping the order by time', () => {
    const store = new LiveStore();
    store.addAlert(incident('live', '2026-12-07T10:10:00Z'));
    store.addAlert(incident('both', '2026-12-07T10:05:00Z'));

    store.loadAlerts([{ ...incident('both', '2026-12-07T10:05:00Z'), acknowledged: true }, incident('old', '2026-12-07T09:00:00Z')]);

    expect(store.alerts.map((a) => a.id)).toEqual(['live', 'both', 'old']);
    expect(store.alerts.find((a) => a.id === 'both')?.acknowledged).toBe(true);
    expect(store.addAlert(incident('old', '2026-12-07T09:00:00Z'))).toBe(false);
  });

  it('orders by instant when the times carry different offsets', () => {
    const store = new LiveStore();
    store.loadAlerts([incident('utc', '2026-12-07T15:20:00Z'), incident('local', '2026-12-07T22:10:00+07:00')]);

    expect(store.alerts.map((a) => a.id)).toEqual(['utc', 'local']);
  });

  it('marks an acknowledged alert read', () => {
    const store = new LiveStore();
    store.addAlert(incident('x', '2026-12-07T10:00:00Z'));
    store.acknowledgeAlert('x');

    expect(store.alerts[0]).toMatchObject({ acknowledged: true, read: true });
    expect(store.unreadCount).toBe(0);
  });
});
