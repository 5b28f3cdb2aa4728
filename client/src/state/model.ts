/** The client's view of twin entities, flattened for drawing. */
export interface Camera {
  id: string;
  name: string;
  wardCode: string;
  lon: number;
  lat: number;
  kind: string;
  online: boolean;
  headingDeg: number;
  road: string | null;
  viewArea: GeoJSON.Polygon | GeoJSON.MultiPolygon | null;
}

export interface SightingMark {
  /** The plate as the server displays it (masked for partners). */
  plate: string;
  cameraId: string;
  lon: number;
  lat: number;
  seenAt: string;
  watched: boolean;
  /** When the twin emitted the event, ms since epoch: the start of the event-to-screen delay. */
  occurredAtMs: number;
  /** When this page received it (the page's clock, so server clock skew cannot age it out early). */
  receivedAtMs?: number;
}

export interface CameraRead {
  plate: string;
  seenAt: string;
  watched: boolean;
}

export interface Incident {
  id: string;
  kind: string;
  status: string;
  open: boolean;
  lon: number;
  lat: number;
  wardCode: string | null;
  description: string | null;
  detectedAt: string | null;
  dispatchedAt: string | null;
  onSceneAt: string | null;
  resolvedAt: string | null;
  responseTimeSeconds: number | null;
  /** The uncertainty polygon's rings (GeoJSON), once the server sends one. */
  area?: number[][][] | null;
  locationQuality?: string | null;
  /** The latest snapshot, for operators (the server leaves it null for other roles). */
  snapshotUrl?: string | null;
}

export type AlertKind = 'watchlist' | 'incident' | 'imaging';

export interface AlertItem {
  id: string;
  kind: AlertKind;
  at: string;
  lon: number | null;
  lat: number | null;
  /** The plate (watchlist), incident id (incident) or clinic id (imaging). */
  subject: string;
  detail: string;
  /** Optional extras that other work adds to the schema (a crop URL, ...). */
  imageUrl: string | null;
  read: boolean;
  /** Whether this key acknowledged it on the server (acknowledged alerts count as read). */
  acknowledged: boolean;
}

export type PlaceKind = 'store' | 'school' | 'clinic';

export interface Place {
  id: string;
  kind: PlaceKind;
  name: string;
  wardCode: string;
  lon: number;
  lat: number;
  /** Live counters, already labelled by message key. */
  counters: Record<string, number | null>;
}

export interface Ward {
  code: string;
  name: string;
  lon: number | null;
  lat: number | null;
  metrics: Record<string, number | null>;
}

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'closed';

export interface Problem {
  id: number;
  kind: 'malformed' | 'server' | 'socket';
  message: string;
  at: number;
}
