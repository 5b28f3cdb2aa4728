import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallerAccess } from '../src/api/access';
import { GraphQLHttp, sameOrigin } from '../src/api/http';

/** `me` as the server answers it for each role (the README's role matrix). */
const me = (role: string, capabilities: string[]) => ({ query: async () => ({ me: { role, capabilities } }) }) as unknown as GraphQLHttp;

describe('CallerAccess', () => {
  it('hides the watchlist form from a partner', async () => {
    const access = await CallerAccess.load(me('partner', ['CAMERAS', 'READ_WATCHLIST', 'SEE_MASKED_PLATES', 'WATCHLIST_HITS']));
    expect(access.role).toBe('partner');
    expect(access.mayEditWatchlist).toBe(false);
    expect(access.can('WATCHLIST_HITS')).toBe(true);
  });

  it('shows the watchlist form to an operator', async () => {
    expect((await CallerAccess.load(me('operator', ['ACT', 'SEE_PLATES']))).mayEditWatchlist).toBe(true);
  });

  it('follows on entityChanged only the kinds the role may receive', async () => {
    const clinic = await CallerAccess.load(me('clinic', ['CLINICS', 'BASEMAP', 'STORE_IMAGING', 'IMAGING_COUNTERS', 'IMAGING_RESULTS']));
    expect(clinic.entityKinds).toEqual(['clinic']);
    expect(clinic.canAny('INCIDENTS', 'WATCHLIST_HITS')).toBe(false);
    const partner = await CallerAccess.load(me('partner', ['CAMERAS', 'WARDS', 'INCIDENTS', 'PLACES', 'CLINICS', 'WATCHLIST_HITS']));
    expect(partner.entityKinds).toEqual(['camera', 'ward', 'store', 'school', 'clinic']);
    expect(partner.can('FOLLOW_SIGHTINGS')).toBe(false);
  });

  it('opens none of the operator streams to a market key, only its place changes', async () => {
    const market = await CallerAccess.load(me('market', ['PLACES', 'BASEMAP', 'MARKET_TOTALS', 'MARKET_OFFICE']));
    expect(market.entityKinds).toEqual(['store', 'school']);
    expect(market.canAny('INCIDENTS', 'WATCHLIST_HITS')).toBe(false);
    expect(market.can('CAMERAS') || market.can('FOLLOW_SIGHTINGS')).toBe(false);
  });

  it('leaves controls shown when the server has no me field', async () => {
    const old = { query: async () => { throw new Error('Cannot query field "me"'); } } as unknown as GraphQLHttp;
    expect((await CallerAccess.load(old)).mayEditWatchlist).toBe(true);
  });
});

describe('GraphQLHttp.image', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('never sends the key to another origin', async () => {
    const fetch = vi.fn(async () => new Response(new Blob(['jpeg']), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const http = new GraphQLHttp('http://127.0.0.1:5080/graphql', () => 'secret-key');

    await expect(http.image('https://evil.example/plates/crops/ab.jpg')).rejects.toThrow(/not on this server/);
    await expect(http.image('//evil.example/x.jpg')).rejects.toThrow();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends the key to its own server', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => new Response(new Blob(['jpeg']), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:crop' }));
    const http = new GraphQLHttp('http://127.0.0.1:5080/graphql', () => 'secret-key');

    await expect(http.image('http://127.0.0.1:5080/plates/crops/ab.jpg')).resolves.toBe('blob:crop');
    expect(fetch.mock.calls[0][1]?.headers).toEqual({ authorization: 'Bearer secret-key' });
  });

  it('compares origins, not prefixes', () => {
    expect(sameOrigin('http://127.0.0.1:5080.evil.example/a', 'http://127.0.0.1:5080/graphql')).toBe(false);
    expect(sameOrigin('/plates/crops/ab.jpg', '/graphql')).toBe(true);
  });
});
