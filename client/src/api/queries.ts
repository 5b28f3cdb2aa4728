import type { SchemaFeatures } from './features';

/** Every GraphQL document the client sends, in one place. */
export const CAMERA_FIELDS = 'id name wardCode location kind online headingDeg road viewArea';
export const INCIDENT_FIELDS =
  'id kind status open location wardCode description detectedAt dispatchedAt onSceneAt resolvedAt responseTimeSeconds area locationQuality snapshotUrl';
export const WARD_METRICS = ['cameraCount', 'openIncidentCount', 'storeCount', 'schoolCount', 'clinicCount'] as const;

export const PING = '{ wards(first: 1) { nodes { code } } }';

export const CAMERAS_PAGE = `query Cameras($after: String) {
  cameras(first: 200, after: $after) { nodes { ${CAMERA_FIELDS} } pageInfo { hasNextPage endCursor } }
}`;

export const OPEN_INCIDENTS = `query OpenIncidents {
  incidents(first: 200, statuses: [DETECTED, CONFIRMED, DISPATCHED, ON_SCENE]) { nodes { ${INCIDENT_FIELDS} } }
}`;

export const INCIDENT = `query Incident($id: ID!) { incident(id: $id) { ${INCIDENT_FIELDS} } }`;

export function wardsQuery(features: SchemaFeatures): string {
  return `query Wards { wards(first: 200) { nodes { code name labelPoint ${WARD_METRICS.join(' ')} ${features.select('Ward')} } } }`;
}

export const STORE_FIELDS = 'id name wardCode location livestreamSessions orders revenueVnd';
export const SCHOOL_FIELDS = 'id name wardCode location pupils remoteClasses';
export const CLINIC_FIELDS = 'id name wardCode location imaging { imagingStudies aiResults abnormalResults }';

/** One query per kind: a role may read some kinds and not others (a clinic key reads only the clinics). */
export const PLACES = {
  stores: `query Stores { places: stores(first: 200) { nodes { ${STORE_FIELDS} } } }`,
  schools: `query Schools { places: schools(first: 200) { nodes { ${SCHOOL_FIELDS} } } }`,
  clinics: `query Clinics { places: clinics(first: 200) { nodes { ${CLINIC_FIELDS} } } }`,
} as const;

export const PLACE_BY_KIND = {
  store: `query($id: ID!) { node: store(id: $id) { ${STORE_FIELDS} } }`,
  school: `query($id: ID!) { node: school(id: $id) { ${SCHOOL_FIELDS} } }`,
  clinic: `query($id: ID!) { node: clinic(id: $id) { ${CLINIC_FIELDS} } }`,
} as const;

export const CLINIC_STUDY_FIELDS = 'studyInstanceUid receivedAt analysedAt abnormal modelVersion findings { label score }';
export const FORWARDING_SELECTION = ' { state attempts lastError forwardedAt }';

/** The clinic's latest studies; null `studies` when the key is not this clinic's. Optional fields as the schema has them. */
export function clinicStudiesQuery(features: SchemaFeatures, first = 10): string {
  const optional = features.select('ClinicStudy', { forwarding: FORWARDING_SELECTION });
  return `query ClinicStudies($id: ID!) { clinic(id: $id) { id studies(first: ${first}) { nodes { ${CLINIC_STUDY_FIELDS} ${optional} } } } }`;
}

export const CAMERA = `query Camera($id: ID!) { camera(id: $id) { ${CAMERA_FIELDS} } }`;

/** The camera's latest snapshot URL, when the schema has such a field (being added elsewhere). */
export function cameraSnapshotQuery(features: SchemaFeatures): string | null {
  const field = features.select('Camera');
  return field ? `query Snapshot($id: ID!) { camera(id: $id) { ${field} } }` : null;
}

/**
 * The vehicle lookup. `withOptional` adds the fields other work is adding (speed, heading, predicted next cameras);
 * their exact shape is a guess until they land, so the caller retries without them when the server refuses.
 */
export function vehicleQuery(features: SchemaFeatures, withOptional = true): string {
  const optional = withOptional ? features.select('Vehicle', { predictedNextCameras: features.predictedSelection }) : '';
  return `query Vehicle($plate: String!) {
  vehicle(plate: $plate, reason: "map search") {
    plate plateKey kind watched seen trace ${optional}
    watch { watchedPlate reason matchKind }
    sightings(first: 30) { nodes { cameraId seenAt location } }
  }
}`;
}

export const ADD_TO_WATCHLIST = `mutation Add($plate: String!, $reason: String!, $reportedBy: String!) {
  addToWatchlist(plate: $plate, reason: $reason, reportedBy: $reportedBy) {
    watchlistEntry { plate plateKey reason } errors { code message field }
  }
}`;

export const INCIDENT_ACTIONS = {
  confirm: 'confirmIncident',
  dispatch: 'dispatchIncident',
  onScene: 'arriveOnScene',
  resolve: 'resolveIncident',
} as const;
export type IncidentAction = keyof typeof INCIDENT_ACTIONS;

export function incidentActionMutation(action: IncidentAction): string {
  const field = INCIDENT_ACTIONS[action];
  return `mutation Act($id: ID!, $actor: String!) { ${field}(id: $id, actor: $actor) { incident { ${INCIDENT_FIELDS} } errors { code message field } } }`;
}

/** Which actions an operator may take from a status; resolve closes from any open status (a false alarm). */
export function actionsFor(status: string): IncidentAction[] {
  switch (status) {
    case 'DETECTED':
      return ['confirm', 'resolve'];
    case 'CONFIRMED':
      return ['dispatch', 'resolve'];
    case 'DISPATCHED':
      return ['onScene', 'resolve'];
    case 'ON_SCENE':
      return ['resolve'];
    default:
      return [];
  }
}

/** The Alert union's selection, shared by the live subscription and the recent-alerts query so both read alike. */
function alertSelection(features: SchemaFeatures): string {
  const parts = [
    `... on WatchlistHitAlert { eventId occurredAt location plate watchedPlate matchKind cameraId seenAt confidence reason first ${features.select('WatchlistHitAlert')} }`,
    '... on IncidentEvent { eventId occurredAt location incidentId kind status wardCode uncertaintyM actor }',
  ];
  for (const [type, fields] of features.otherAlertFields) if (fields.includes('eventId')) parts.push(`... on ${type} { ${fields.join(' ')} }`);
  return `__typename ${parts.join(' ')}`;
}

export function alertsSubscription(features: SchemaFeatures): string {
  return `subscription Alerts { alerts { ${alertSelection(features)} } }`;
}

/** The alerts the twin kept, newest first, with this key's acknowledgement (`alerts(first, after)` on the query root). */
export function recentAlertsQuery(features: SchemaFeatures): string {
  return `query RecentAlerts($after: String) { alerts(first: 50, after: $after) {
    nodes { acknowledged alert { ${alertSelection(features)} } } pageInfo { hasNextPage endCursor } } }`;
}

export const ACKNOWLEDGE_ALERT = `mutation AcknowledgeAlert($id: ID!) {
  acknowledgeAlert(id: $id) { alertRecord { id acknowledged } errors { code message } } }`;

export const INCIDENT_UPDATES = `subscription Incidents { incidentUpdates { eventId occurredAt location incidentId kind status wardCode uncertaintyM actor } }`;

export const SIGHTINGS = `subscription Sightings($bbox: [Float!]) {
  sightings(bbox: $bbox) { eventId occurredAt location plate vehicleKind watched sightings { cameraId seenAt location confidence } }
}`;

export const CAMERA_STATUS = `subscription CameraStatus($bbox: [Float!]) { cameraStatus(bbox: $bbox) { eventId occurredAt cameraId online } }`;

export const ENTITY_CHANGED = `subscription Entities($bbox: [Float!], $kinds: [String!]) {
  entityChanged(bbox: $bbox, kinds: $kinds) { eventId occurredAt entityKind entityId change }
}`;
