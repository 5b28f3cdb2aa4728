import type { CallerAccess } from './access';

/** Which of the map's own live subscriptions the signed-in key may open, and which entity kinds it may follow. */
export interface LiveGrants {
  alerts: boolean;
  incidentUpdates: boolean;
  sightings: boolean;
  cameraStatus: boolean;
  /** Kinds asked of `entityChanged`; empty: no subscription. */
  entityKinds: string[];
}

/** The entity kinds the map follows and the capability each needs (src/Graph/Schema/Live/LiveAccess.cs). */
const ENTITY_KINDS: [string, string][] = [
  ['camera', 'CAMERAS'],
  ['ward', 'WARDS'],
  ['store', 'PLACES'],
  ['school', 'PLACES'],
  ['clinic', 'CLINICS'],
];

/**
 * The subscriptions the server's one access policy opens to this key, so that a market's or a schools' office key
 * does not ask for streams it is refused (each refusal would show as a server error). A key whose capabilities are
 * unknown (an older server) asks for everything, as before.
 */
export function liveGrants(access: Pick<CallerAccess, 'can'>): LiveGrants {
  return {
    alerts: access.can('INCIDENTS') || access.can('WATCHLIST_HITS'),
    incidentUpdates: access.can('INCIDENTS'),
    sightings: access.can('FOLLOW_SIGHTINGS'),
    cameraStatus: access.can('CAMERAS'),
    entityKinds: ENTITY_KINDS.filter(([, capability]) => access.can(capability)).map(([kind]) => kind),
  };
}

/** Every subscription: for callers that know no access (tools, tests). */
export const ALL_GRANTS: LiveGrants = liveGrants({ can: () => true });
