import { createClient, type Client } from 'graphql-ws';
import type { CallerAccess } from './access';
import type { SchemaFeatures } from './features';
import type { GraphQLHttp } from './http';
import type { LiveFeed } from './liveFeed';
import { ALERT_HANDLERS } from './liveHandlers';
import { FATAL_CLOSE_CODES, ReconnectPlan, retryDelayMs } from './reconnect';
import { alertsSubscription, CAMERA_STATUS, ENTITY_CHANGED, INCIDENT_UPDATES, SIGHTINGS } from './queries';
import { loadRecentAlerts } from './recentAlerts';
import { loadSnapshot } from './snapshot';
import { MalformedEvent } from '../state/parse';
import type { LiveStore } from '../state/store';

export type Bbox = [number, number, number, number];

/**
 * The live link: one graphql-ws client that retries for ever. After each (re)connection it loads a
 * snapshot over HTTP, then subscribes; sightings, camera status and entity changes follow the map's
 * viewport, alerts and incidents are city-wide so an operator never misses one off screen. It subscribes only to the
 * feeds the key's role may read (`access`, from the server's one policy), so no refusal reaches the problems panel.
 */
export class LiveSession {
  readonly plan = new ReconnectPlan();
  private client: Client | null = null;
  private socket: WebSocket | null = null;
  private disposers: (() => void)[] = [];
  private viewport: Bbox | null = null;
  private subscribedViewport: Bbox | null = null;
  private readonly feeds: LiveFeed[] = [];
  /** Resolves once the first snapshot is drawn-ready and subscriptions are made. */
  readonly firstLive: Promise<void>;
  private resolveFirstLive!: () => void;

  constructor(
    private readonly url: string,
    private readonly apiKey: string,
    private readonly http: GraphQLHttp,
    private readonly features: SchemaFeatures,
    private readonly access: CallerAccess,
    private readonly store: LiveStore,
    private readonly onIncidentChanged: (id: string) => void,
    private readonly onPlaceChanged: (kind: string, id: string) => void,
  ) {
    this.firstLive = new Promise((resolve) => (this.resolveFirstLive = resolve));
  }

  start(): void {
    const session = this;
    // Keeps a handle on the socket so tests (and the benchmark) can drop it like a network failure would.
    class TrackedWebSocket extends WebSocket {
      constructor(address: string | URL, protocols?: string | string[]) {
        super(address, protocols);
        session.socket = this;
      }
    }
    this.client = createClient({
      url: this.url,
      lazy: false,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      retryWait: async (retries) => new Promise((resolve) => setTimeout(resolve, retryDelayMs(retries))),
      connectionParams: { authorization: `Bearer ${this.apiKey}` },
      webSocketImpl: TrackedWebSocket,
      on: {
        connecting: () => this.store.setConnection(this.plan.phase === 'connecting' ? 'connecting' : 'reconnecting'),
        connected: () => void this.onConnected(),
        closed: (event) => this.onClosed(event as CloseEvent),
        error: (error) => this.store.report('socket', describe(error)),
      },
    });
  }

  /** Adds a feature's feed; it starts with the next (re)connection, so add feeds before `start`. */
  addFeed(feed: LiveFeed): void {
    this.feeds.push(feed);
  }

  /** Drops the socket as a network failure would (close code 4000 is retried). For tests and the benchmark. */
  forceDrop(): void {
    this.socket?.close(4000, 'dropped by the page');
  }

  setViewport(bbox: Bbox): void {
    this.viewport = bbox;
    if (this.plan.phase === 'live' && !contains(this.subscribedViewport, bbox)) this.subscribeScoped(this.plan.generation);
  }

  private async onConnected(): Promise<void> {
    const generation = this.plan.connected();
    this.disposeAll();
    try {
      const snapshot = await loadSnapshot(this.http, this.features, this.access, (message) => this.store.report('server', message));
      if (!this.plan.snapshotLoaded(generation)) return;
      this.store.loadSnapshot(snapshot);
    } catch (error) {
      this.store.report('server', describe(error));
      // Without a snapshot the live events still help; mark live anyway so they flow.
      if (!this.plan.snapshotLoaded(generation)) return;
    }
    this.subscribeCityWide(generation);
    this.subscribeScoped(generation);
    await Promise.all([this.fillAlerts(generation), ...this.feeds.map((feed) => this.startFeed(feed, generation))]);
    if (!this.plan.isCurrent(generation)) return;
    this.store.setConnection('connected');
    this.resolveFirstLive();
  }

  private onClosed(event: CloseEvent | undefined): void {
    const code = event?.code ?? 0;
    const fatal = FATAL_CLOSE_CODES.has(code);
    const wasLive = this.plan.phase === 'live';
    this.plan.closed(fatal);
    this.disposeAll();
    this.store.setConnection(fatal ? 'closed' : 'reconnecting');
    if (wasLive || fatal) this.store.report('socket', `closed (${code}) ${event?.reason ?? ''}`.trim());
  }

  private disposeAll(): void {
    this.disposers.forEach((d) => d());
    this.disposers = [];
    this.scopedDisposers.forEach((d) => d());
    this.scopedDisposers = [];
    this.subscribedViewport = null;
  }

  private scopedDisposers: (() => void)[] = [];

  /** A feed's subscriptions join the connection's own, so a drop ends them and the next connection starts them again. */
  private async startFeed(feed: LiveFeed, generation: number): Promise<void> {
    try {
      await feed.connected((query, variables, field, handle) => {
        const dispose = this.subscribe(generation, query, variables, field, handle);
        this.disposers.push(dispose);
        return dispose;
      });
    } catch (error) {
      this.store.report('server', describe(error));
    }
  }

  /**
   * The alerts kept by the twin, with this key's acknowledgements. Loaded after the live subscription opened, so an
   * alert raised in between arrives at least once; the store merges by id.
   */
  private async fillAlerts(generation: number): Promise<void> {
    if (!this.access.canAny('INCIDENTS', 'WATCHLIST_HITS')) return;
    try {
      const kept = await loadRecentAlerts(this.http, this.features);
      if (this.plan.isCurrent(generation)) this.store.loadAlerts(kept);
    } catch (error) {
      this.store.report('server', `alerts: ${describe(error)}`);
    }
  }

  private subscribeCityWide(generation: number): void {
    if (this.access.canAny('INCIDENTS', 'WATCHLIST_HITS'))
      this.disposers.push(
        this.subscribe(generation, alertsSubscription(this.features), {}, 'alerts', (data) => ALERT_HANDLERS.alert(this.store, data, this.onIncidentChanged)),
      );
    if (this.access.can('INCIDENTS'))
      this.disposers.push(
        this.subscribe(generation, INCIDENT_UPDATES, {}, 'incidentUpdates', (data) => ALERT_HANDLERS.incident(this.store, data, this.onIncidentChanged)),
      );
  }

  private subscribeScoped(generation: number): void {
    this.scopedDisposers.forEach((d) => d());
    // A padded box, so that small pans do not resubscribe.
    const bbox = this.viewport ? pad(this.viewport, 0.5) : null;
    const variables = bbox ? { bbox } : {};
    const entityKinds = this.access.entityKinds;
    this.scopedDisposers = [
      ...(this.access.can('FOLLOW_SIGHTINGS')
        ? [this.subscribe(generation, SIGHTINGS, variables, 'sightings', (data) => ALERT_HANDLERS.sighting(this.store, data))]
        : []),
      ...(this.access.can('CAMERAS')
        ? [this.subscribe(generation, CAMERA_STATUS, variables, 'cameraStatus', (data) => ALERT_HANDLERS.cameraStatus(this.store, data))]
        : []),
      ...(entityKinds.length
        ? [this.subscribe(generation, ENTITY_CHANGED, { ...variables, kinds: entityKinds }, 'entityChanged', (data) => ALERT_HANDLERS.entity(data, this.onPlaceChanged))]
        : []),
    ];
    this.subscribedViewport = bbox;
  }

  private subscribe(generation: number, query: string, variables: Record<string, unknown>, field: string, handle: (data: unknown) => void): () => void {
    if (!this.client) return () => {};
    return this.client.subscribe(
      { query, variables },
      {
        next: (result) => {
          if (!this.plan.isCurrent(generation)) return;
          if (result.errors?.length) {
            this.store.report('server', `${field}: ${result.errors.map((e) => e.message).join('; ')}`);
            return;
          }
          try {
            handle((result.data as Record<string, unknown> | undefined)?.[field]);
          } catch (error) {
            this.store.report(error instanceof MalformedEvent ? 'malformed' : 'server', `${field}: ${describe(error)}`);
          }
        },
        error: (error) => {
          // A closed socket errors every subscription; onClosed already said so once.
          if (this.plan.isCurrent(generation)) this.store.report('server', `${field}: ${describe(error)}`);
        },
        complete: () => {},
      },
    );
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (Array.isArray(error)) return error.map((e) => (e as { message?: string }).message ?? String(e)).join('; ');
  if (error && typeof error === 'object' && 'code' in error) return `socket closed (${(error as CloseEvent).code})`;
  return String(error);
}

function pad([w, s, e, n]: Bbox, ratio: number): Bbox {
  const dx = (e - w) * ratio;
  const dy = (n - s) * ratio;
  return [Math.max(-180, w - dx), Math.max(-90, s - dy), Math.min(180, e + dx), Math.min(90, n + dy)];
}

function contains(outer: Bbox | null, inner: Bbox): boolean {
  return !!outer && outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
}
