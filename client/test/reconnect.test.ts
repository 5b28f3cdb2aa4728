import { describe, expect, it } from 'vitest';
import { FATAL_CLOSE_CODES, ReconnectPlan, retryDelayMs } from '../src/api/reconnect';

describe('ReconnectPlan', () => {
  it('subscribes after the snapshot of the current connection', () => {
    const plan = new ReconnectPlan();
    const generation = plan.connected();
    expect(plan.phase).toBe('loading-snapshot');
    expect(plan.isCurrent(generation)).toBe(false);
    expect(plan.snapshotLoaded(generation)).toBe(true);
    expect(plan.isCurrent(generation)).toBe(true);
    expect(plan.isReconnect).toBe(false);
  });

  it('after a drop, reloads a snapshot before subscribing again and ignores the old subscriptions', () => {
    const plan = new ReconnectPlan();
    const first = plan.connected();
    plan.snapshotLoaded(first);
    plan.closed(false);
    expect(plan.phase).toBe('reconnecting');
    expect(plan.isCurrent(first)).toBe(false);
    const second = plan.connected();
    expect(plan.isReconnect).toBe(true);
    expect(plan.isCurrent(second)).toBe(false);
    expect(plan.snapshotLoaded(second)).toBe(true);
    expect(plan.isCurrent(second)).toBe(true);
  });

  it('does not subscribe for a snapshot that finished after the socket dropped again', () => {
    const plan = new ReconnectPlan();
    const generation = plan.connected();
    plan.closed(false);
    expect(plan.snapshotLoaded(generation)).toBe(false);
    const next = plan.connected();
    expect(plan.snapshotLoaded(generation)).toBe(false);
    expect(plan.snapshotLoaded(next)).toBe(true);
  });

  it('stops on a fatal close (bad key)', () => {
    const plan = new ReconnectPlan();
    plan.connected();
    plan.closed(FATAL_CLOSE_CODES.has(4401));
    expect(plan.phase).toBe('closed');
    expect(FATAL_CLOSE_CODES.has(4000)).toBe(false);
  });

  it('backs off from 0.25–0.5 s up to 4–8 s', () => {
    expect(retryDelayMs(0, () => 0)).toBe(250);
    expect(retryDelayMs(0, () => 1)).toBe(500);
    expect(retryDelayMs(10, () => 1)).toBe(8000);
    expect(retryDelayMs(10, () => 0)).toBe(4000);
  });
});
