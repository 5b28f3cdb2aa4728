import type { AlertItem, Camera, CameraRead, ConnectionState, Incident, Place, PlaceKind, Problem, SightingMark, Ward } from './model';

/** Which drawn layer a change affects; the map redraws only the dirty ones, once per animation frame. */
export type Topic = 'cameras' | 'sightings' | 'incidents' | 'alerts' | 'places' | 'wards' | 'connection' | 'problems';

export interface Snapshot {
  cameras: Camera[];
  incidents: Incident[];
  wards: Ward[];
  places: Place[];
}

/** Limits that keep the page's memory flat however long it stays open. */
export const LIMITS = { sightings: 5000, sightingAgeMs: 10 * 60_000, alerts: 200, readsPerCamera: 10, problems: 20 } as const;

/**
 * The client's state, keyed by id. Events only mark topics dirty; `takeDirty` hands the set to the
 * frame loop, which redraws each affected layer once however many events came in between.
 */
export class LiveStore {
  readonly cameras = new Map<string, Camera>();
  readonly incidents = new Map<string, Incident>();
  readonly wards = new Map<string, Ward>();
  readonly places = new Map<string, Place>();
  /** Latest position per plate; Map order is insertion order, so the oldest come first. */
  readonly sightings = new Map<string, SightingMark>();
  readonly readsByCamera = new Map<string, CameraRead[]>();
  alerts: AlertItem[] = [];
  problems: Problem[] = [];
  connection: ConnectionState = 'connecting';
  /** Oldest event time among the sightings not yet drawn; the map turns it into an event-to-screen delay (the burst's worst). */
  pendingSightingEventMs: number | null = null;
  sightingsReceived = 0;
  /** Event time → arrival in this page, ms, per sighting event (last 2,000): the server and socket share of the delay. */
  readonly arrivalDelayMs: number[] = [];

  private dirty = new Set<Topic>();
  private seenAlertIds = new Set<string>();
  private problemSeq = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Called when something became dirty, so the owner can schedule a frame. */
  onDirty(listener: () => void): void {
    this.listeners.add(listener);
  }

  takeDirty(): Set<Topic> {
    const taken = this.dirty;
    this.dirty = new Set();
    return taken;
  }

  private mark(...topics: Topic[]): void {
    const wasEmpty = this.dirty.size === 0;
    topics.forEach((t) => this.dirty.add(t));
    if (wasEmpty) this.listeners.forEach((l) => l());
  }

  /** Replaces everything a snapshot covers; live sightings and alerts stay (they are not part of it). */
  loadSnapshot(snapshot: Snapshot): void {
    replace(this.cameras, snapshot.cameras, (c) => c.id);
    replace(this.incidents, snapshot.incidents, (i) => i.id);
    replace(this.wards, snapshot.wards, (w) => w.code);
    replace(this.places, snapshot.places, (p) => placeKey(p.kind, p.id));
    this.mark('cameras', 'incidents', 'wards', 'places');
  }

  applySightings(marks: SightingMark[]): void {
    const receivedAtMs = this.now();
    if (marks.length) {
      this.arrivalDelayMs.push(receivedAtMs - marks[0].occurredAtMs);
      if (this.arrivalDelayMs.length > 2000) this.arrivalDelayMs.splice(0, 1000);
    }
    for (const received of marks) {
      const mark = { ...received, receivedAtMs };
      // Delete first so that re-inserting moves the plate to the newest end.
      this.sightings.delete(mark.plate);
      this.sightings.set(mark.plate, mark);
      const reads = this.readsByCamera.get(mark.cameraId) ?? [];
      reads.unshift({ plate: mark.plate, seenAt: mark.seenAt, watched: mark.watched });
      if (reads.length > LIMITS.readsPerCamera) reads.length = LIMITS.readsPerCamera;
      this.readsByCamera.set(mark.cameraId, reads);
      this.pendingSightingEventMs = Math.min(this.pendingSightingEventMs ?? Number.POSITIVE_INFINITY, mark.occurredAtMs);
      this.sightingsReceived++;
    }
    this.evictSightings();
    this.mark('sightings');
  }

  private evictSightings(): void {
    const oldest = this.now() - LIMITS.sightingAgeMs;
    for (const [plate, mark] of this.sightings) {
      if (this.sightings.size <= LIMITS.sightings && (mark.receivedAtMs ?? 0) >= oldest) break;
      this.sightings.delete(plate);
    }
  }

  setCameraOnline(cameraId: string, online: boolean): boolean {
    const camera = this.cameras.get(cameraId);
    if (!camera) return false;
    this.cameras.set(cameraId, { ...camera, online });
    this.mark('cameras');
    return true;
  }

  upsertCamera(camera: Camera): void {
    this.cameras.set(camera.id, camera);
    this.mark('cameras');
  }

  upsertIncident(incident: Incident): void {
    this.incidents.set(incident.id, incident);
    this.mark('incidents');
  }

  /** An incident event carries only the status; keep what we know and move the status. */
  moveIncident(id: string, status: string, fallback: () => Incident): void {
    const known = this.incidents.get(id);
    this.upsertIncident(known ? { ...known, status, open: status !== 'RESOLVED' } : fallback());
  }

  upsertPlace(place: Place): void {
    this.places.set(placeKey(place.kind, place.id), place);
    this.mark('places');
  }

  upsertWard(ward: Ward): void {
    this.wards.set(ward.code, ward);
    this.mark('wards');
  }

  /** Adds an alert once (events are at-least-once on reconnect); returns whether it was new. */
  addAlert(alert: AlertItem): boolean {
    if (this.seenAlertIds.has(alert.id)) return false;
    this.seenAlertIds.add(alert.id);
    this.alerts.unshift(alert);
    if (this.alerts.length > LIMITS.alerts) {
      for (const dropped of this.alerts.splice(LIMITS.alerts)) this.seenAlertIds.delete(dropped.id);
    }
    this.mark('alerts');
    return true;
  }

  /**
   * Fills the feed from the server's kept alerts (on load and after every reconnect): alerts not yet listed are added,
   * listed ones take the server's acknowledgement, and the feed stays newest first.
   */
  loadAlerts(kept: readonly AlertItem[]): void {
    for (const alert of kept) {
      const index = this.alerts.findIndex((a) => a.id === alert.id);
      if (index >= 0) {
        const known = this.alerts[index];
        this.alerts[index] = { ...known, acknowledged: alert.acknowledged, read: known.read || alert.acknowledged };
      } else {
        this.seenAlertIds.add(alert.id);
        this.alerts.push(alert);
      }
    }
    // By instant, not by text: the server writes times with differing offsets (Z, +07:00).
    this.alerts.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
    for (const dropped of this.alerts.splice(LIMITS.alerts)) this.seenAlertIds.delete(dropped.id);
    this.mark('alerts');
  }

  /** Marks an alert acknowledged (and read) once the server has recorded the acknowledgement. */
  acknowledgeAlert(id: string): void {
    this.alerts = this.alerts.map((a) => (a.id === id ? { ...a, acknowledged: true, read: true } : a));
    this.mark('alerts');
  }

  get unreadCount(): number {
    return this.alerts.reduce((n, a) => n + (a.read ? 0 : 1), 0);
  }

  markRead(id?: string): void {
    this.alerts = this.alerts.map((a) => (id === undefined || a.id === id ? { ...a, read: true } : a));
    this.mark('alerts');
  }

  setConnection(state: ConnectionState): void {
    if (this.connection === state) return;
    this.connection = state;
    this.mark('connection');
  }

  report(kind: Problem['kind'], message: string): void {
    this.problems.unshift({ id: ++this.problemSeq, kind, message, at: this.now() });
    if (this.problems.length > LIMITS.problems) this.problems.length = LIMITS.problems;
    this.mark('problems');
  }

  dismissProblem(id: number): void {
    this.problems = this.problems.filter((p) => p.id !== id);
    this.mark('problems');
  }
}

export function placeKey(kind: PlaceKind, id: string): string {
  return `${kind}:${id}`;
}

function replace<T>(map: Map<string, T>, items: T[], key: (item: T) => string): void {
  map.clear();
  for (const item of items) map.set(key(item), item);
}
