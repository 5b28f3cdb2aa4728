import type { SchemaFeatures } from './features';
import type { GraphQLHttp } from './http';
import { CAMERAS_PAGE, OPEN_INCIDENTS, PLACES, WARD_METRICS, wardsQuery } from './queries';
import { readCamera, readIncident, readPlace, readWard } from '../state/parse';
import type { Snapshot } from '../state/store';
import type { Camera } from '../state/model';

type Nodes = { nodes: unknown[] };

/** Everything the map draws that is not a stream: read once at start and after every reconnect. */
export async function loadSnapshot(http: GraphQLHttp, features: SchemaFeatures): Promise<Snapshot> {
  const [cameras, incidents, wards, places] = await Promise.all([
    loadCameras(http),
    http.query<{ incidents: Nodes }>(OPEN_INCIDENTS),
    http.query<{ wards: Nodes }>(wardsQuery(features)),
    http.query<{ stores: Nodes; schools: Nodes; clinics: Nodes }>(PLACES),
  ]);
  const metricFields = [...WARD_METRICS, 'coverage', 'coverageRatio'];
  return {
    cameras,
    incidents: incidents.incidents.nodes.map(readIncident),
    wards: wards.wards.nodes.map((w) => readWard(w, metricFields)),
    places: [
      ...places.stores.nodes.map((p) => readPlace(p, 'store')),
      ...places.schools.nodes.map((p) => readPlace(p, 'school')),
      ...places.clinics.nodes.map((p) => readPlace(p, 'clinic')),
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
