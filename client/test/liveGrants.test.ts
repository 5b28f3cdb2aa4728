import { describe, expect, it } from 'vitest';
import { CallerAccess } from '../src/api/access';
import { ALL_GRANTS, liveGrants } from '../src/api/liveGrants';

describe('live subscriptions by capability', () => {
  it('opens none of the operator streams to a market key, and only place changes', () => {
    const grants = liveGrants(CallerAccess.of('market', ['PLACES', 'BASEMAP', 'MARKET_TOTALS', 'MARKET_OFFICE']));
    expect(grants).toEqual({ alerts: false, incidentUpdates: false, sightings: false, cameraStatus: false, entityKinds: ['store', 'school'] });
  });

  it('gives a partner incidents, cameras and alerts (watchlist hits) but never sightings', () => {
    const grants = liveGrants(
      CallerAccess.of('partner', ['CAMERAS', 'WARDS', 'INCIDENTS', 'PLACES', 'CLINICS', 'LESSONS', 'BASEMAP', 'WATCHLIST_HITS']),
    );
    expect(grants).toEqual({ alerts: true, incidentUpdates: true, sightings: false, cameraStatus: true, entityKinds: ['camera', 'ward', 'store', 'school', 'clinic'] });
  });

  it('asks for everything when the capabilities are unknown', () => {
    expect(ALL_GRANTS.sightings && ALL_GRANTS.alerts && ALL_GRANTS.entityKinds.length === 5).toBe(true);
  });
});
