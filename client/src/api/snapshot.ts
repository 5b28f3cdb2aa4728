import type { CallerAccess } from './access';
import type { SchemaFeatures } from './features';
import { GraphQLFailure, type GraphQLHttp } from './http';
import { CAMERAS_PAGE, OPEN_INCIDENTS, PLACES, WARD_METRICS, wardsQuery } from './queries';
import { readCamera, readIncident, readPlace, readWard } from '../state/parse';
import type { Snapshot } from '../state/store';
import type { Camera } from '../state/model';

type Nodes = { nodes: unknown[] };

/**
 * Everything the map draws that is not a stream: read once at start and after every reconnect. A part the key's role
 * may not read (a clinic key may not read the cameras) is not asked for at all; one the server still refuses is passed
 * to `refused` and left empty, so the rest still loads: a clinic must still find its own place on the map.
 */
export async function loadSnapshot(
  http: GraphQLHttp,
  features: SchemaFeatures,
  access: CallerAccess,
  refused: (message: string) => void = () => {},
): Promise<Snapshot> {
  const orEmpty = <T>(load: () => Promise<T>, empty: T, capability: string): Promise<T> =>
    !access.can(capability) ? Promise.resolve(empty) : load().catch((error: unknown) => {
      if (!(error instanceof GraphQLFailure) || error.code !== 'FORBIDDEN') throw error;
      refused(error.message);
      return empty;
    });
  const none: Nodes = { nodes: [] };
  const places = (kind: keyof typeof PLACES, capability: string) =>
    orEmpty(() => http.query<{ places: Nodes }>(PLACES[kind]), { places: none }, capability).then((d) => d.places.nodes);
  const [cameras, incidents, wards, stores, schools, clinics] = await Promise.all([
    orEmpty(() => loadCameras(http), [], 'CAMERAS'),
    orEmpty(() => http.query<{ incidents: Nodes }>(OPEN_INCIDENTS), { incidents: none }, 'INCIDENTS'),
    orEmpty(() => http.query<{ wards: Nodes }>(wardsQuery(features)), { wards: none }, 'WARDS'),
    places('stores', 'PLACES'),
    places('schools', 'PLACES'),
    places('clinics', 'CLINICS'),
  ]);
  const metricFields = [...WARD_METRICS, 'coverage', 'coverageRatio'];
  return {
    cameras,
    incidents: incidents.incidents.nodes.map(readIncident),
    wards: wards.wards.nodes.map((w) => readWard(w, metricFields)),
    places: [
      ...stores.map((p) => readPlace(p, 'store')),
      ...schools.map((p) => readPlace(p, 'school')),
      ...clinics.map((p) => readPlace(p, 'clinic')),
    ],
  };
}

async function loadCameras(http: GraphQLHttp): Promise<Camera[]> {
  const cameras: Camera[] = [];
  let after: string | null = null;
  // Pages of 200 (the server's maximum); a city with thousands of cameras takes a few round trips.
  for (let page = 0; page < 100; page++) {
    const data: { cameras: Nodes & { pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await http.query(CAMERAS_PAGE, { after });
    cameras.push(...data.cameras.nodes.map(readCamera));
    if (!data.cameras.pageInfo.hasNextPage) break;
    after = data.cameras.pageInfo.endCursor;
  }
  return cameras;
}
