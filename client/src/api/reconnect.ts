/**
 * The order of things around a (re)connection, kept free of sockets so it can be unit tested:
 * every `connected` starts a new generation; its snapshot is loaded first and subscriptions are
 * (re)made only if no newer connection or close happened meanwhile. Events that arrive for an old
 * generation are dropped: their subscription belongs to a socket that is gone.
 */
export type Phase = 'connecting' | 'loading-snapshot' | 'live' | 'reconnecting' | 'closed';

export class ReconnectPlan {
  phase: Phase = 'connecting';
  generation = 0;
  connections = 0;

  /** A socket was acknowledged. Returns the generation the snapshot and subscriptions belong to. */
  connected(): number {
    this.connections++;
    this.phase = 'loading-snapshot';
    return ++this.generation;
  }

  /** The snapshot of `generation` is in; true when its subscriptions should now be made. */
  snapshotLoaded(generation: number): boolean {
    if (generation !== this.generation || this.phase !== 'loading-snapshot') return false;
    this.phase = 'live';
    return true;
  }

  /** The socket closed; `fatal` when the client will not retry (bad key, forbidden, server said so). */
  closed(fatal: boolean): void {
    this.generation++;
    this.phase = fatal ? 'closed' : 'reconnecting';
  }

  isCurrent(generation: number): boolean {
    return generation === this.generation && this.phase === 'live';
  }

  get isReconnect(): boolean {
    return this.connections > 1;
  }
}

/** Close codes after which graphql-ws gives up (graphql-transport-ws: bad request, unauthorized, ...). */
export const FATAL_CLOSE_CODES = new Set([4400, 4401, 4403, 4406, 4409, 4429, 4500, 4005]);

/** Retry delay: 0.5 s doubling to 8 s, with jitter so that a restarted host is not hit by every map at once. */
export function retryDelayMs(retries: number, random: () => number = Math.random): number {
  const base = Math.min(8000, 500 * 2 ** Math.min(retries, 4));
  return base / 2 + random() * (base / 2);
}
