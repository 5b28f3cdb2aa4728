import { describe, expect, it } from 'vitest';
import { SchemaFeatures } from '../src/api/features';
import type { GraphQLHttp } from '../src/api/http';
import { alertsSubscription, vehicleQuery } from '../src/api/queries';

/** An introspection answer as the server gives it, for the fields the client asks about. */
function server(answer: Record<string, unknown>): GraphQLHttp {
  return { query: async () => answer } as unknown as GraphQLHttp;
}

const list = (kind: string) => ({ kind: 'NON_NULL', ofType: { kind: 'LIST', ofType: { kind: 'NON_NULL', ofType: { kind } } } });

describe('SchemaFeatures', () => {
  it('selects no optional field while the schema has none', async () => {
    const features = await SchemaFeatures.load(server({ Vehicle: { fields: [{ name: 'plate', type: { kind: 'SCALAR' } }] }, Alert: null }));
    expect(vehicleQuery(features)).not.toContain('predictedNextCameras');
    expect(vehicleQuery(features)).not.toContain('speedKmh');
  });

  it('selects predicted cameras with a sub-selection when they are objects', async () => {
    const features = await SchemaFeatures.load(
      server({ Vehicle: { fields: [{ name: 'speedKmh', type: { kind: 'SCALAR' } }, { name: 'predictedNextCameras', type: list('OBJECT') }] } }),
    );
    expect(vehicleQuery(features)).toContain('speedKmh predictedNextCameras { camera { id name location } distanceMeters etaSeconds expectedAt }');
    expect(vehicleQuery(features, false)).not.toContain('speedKmh');
  });

  it('selects predicted cameras bare when they are ids', async () => {
    const features = await SchemaFeatures.load(server({ Vehicle: { fields: [{ name: 'predictedNextCameras', type: list('SCALAR') }] } }));
    expect(vehicleQuery(features)).toMatch(/predictedNextCameras\s/);
    expect(vehicleQuery(features)).not.toContain('predictedNextCameras {');
  });

  it('adds alert kinds the server has and the crop URL of watchlist hits', async () => {
    const features = await SchemaFeatures.load({
      query: async (q: string) =>
        q.includes('ImagingResultAlert')
          ? { ImagingResultAlert: { fields: [{ name: 'eventId' }, { name: 'clinicId' }, { name: 'finding' }, { name: 'secret' }] } }
          : {
              WatchlistHitAlert: { fields: [{ name: 'cropUrl', type: { kind: 'SCALAR' } }] },
              Alert: { possibleTypes: [{ name: 'WatchlistHitAlert' }, { name: 'IncidentEvent' }, { name: 'ImagingResultAlert' }] },
            },
    } as unknown as GraphQLHttp);
    const subscription = alertsSubscription(features);
    expect(subscription).toContain('... on ImagingResultAlert { eventId clinicId finding }');
    expect(subscription).toContain('first cropUrl');
  });

  it('falls back to the base schema when introspection is refused', async () => {
    const refusing = { query: async () => Promise.reject(new Error('introspection disabled')) } as unknown as GraphQLHttp;
    const features = await SchemaFeatures.load(refusing);
    expect(features.alertTypes).toEqual(['WatchlistHitAlert', 'IncidentEvent']);
    expect(features.has('Vehicle', 'speedKmh')).toBe(false);
  });
});
