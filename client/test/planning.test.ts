import { describe, expect, it } from 'vitest';
import { coverageColour, formatKm, parseCount, plannedFeatures, readPlan, readPlannedCameras, shadeWards, siteFeatures } from '../src/planning/planningModel';

const rawPlan = {
  id: 'plan-1',
  kind: 'PTZ_360',
  candidateCount: 120,
  scopeLengthM: 10000,
  beforePercent: 10,
  afterPercent: 25.5,
  addedM: 1550,
  optimal: false,
  gapPercent: 0.4,
  solveSeconds: 2.5,
  greedyAfterPercent: 24,
  greedyAddedM: 1400,
  greedySeconds: 0.01,
  summary: 'coverage before 10.0% after 25.5% (+1.55 km), gap 0.40%',
  sites: [
    { rank: 2, location: { type: 'Point', coordinates: [106.76, 10.85] }, gainM: 300, wardCode: '26800', viewArea: { type: 'Polygon', coordinates: [] } },
    { rank: 1, location: { type: 'Point', coordinates: [106.75, 10.84] }, gainM: 1250, wardCode: '26794', viewArea: { type: 'Polygon', coordinates: [] } },
  ],
};

describe('planning model', () => {
  it('reads a plan with its sites in rank order', () => {
    const plan = readPlan(rawPlan);
    expect(plan.sites.map((s) => s.rank)).toEqual([1, 2]);
    expect(plan.sites[0]).toMatchObject({ lon: 106.75, lat: 10.84, gainM: 1250, wardCode: '26794' });
    expect(plan.gapPercent).toBe(0.4);
  });

  it('refuses a site without a point location', () => {
    expect(() => readPlan({ ...rawPlan, sites: [{ ...rawPlan.sites[0], location: null }] })).toThrow(/point/);
  });

  it('turns proposed sites into labelled points and view areas', () => {
    const { points, views } = siteFeatures(readPlan(rawPlan));
    expect(points).toHaveLength(2);
    expect(points[0].properties.label).toBe('1 · +1.25 km');
    expect(views[1].properties.rank).toBe(2);
    expect(siteFeatures(null).points).toHaveLength(0);
  });

  it('marks adopted cameras as planned', () => {
    const cameras = readPlannedCameras([{ id: 'pc-1', planId: 'plan-1', location: { type: 'Point', coordinates: [106.7, 10.8] }, viewArea: { type: 'Point', coordinates: [106.7, 10.8] }, gainM: 12 }]);
    const { points } = plannedFeatures(cameras);
    expect(points[0].properties).toEqual({ id: 'pc-1', status: 'planned' });
  });

  it('shades wards from red through amber to green, grey without figures', () => {
    expect(coverageColour(0)).toBe('#c62828');
    expect(coverageColour(100)).toBe('#2e7d32');
    expect(coverageColour(150)).toBe('#2e7d32');
    expect(coverageColour(null)).toBe('#b0b7c3');
    const mid = coverageColour(37.5);
    expect(mid).not.toBe(coverageColour(25));
    expect(mid).not.toBe(coverageColour(50));
  });

  it('attaches each ward its coverage and colour by code', () => {
    const wards: GeoJSON.FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { code: '26794' } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { code: '99999' } },
      ],
    };
    const shaded = shadeWards(wards, new Map([['26794', 100]]));
    expect(shaded[0].properties).toMatchObject({ coveragePercent: 100, coverageColour: '#2e7d32' });
    expect(shaded[1].properties).toMatchObject({ coveragePercent: -1, coverageColour: '#b0b7c3' });
  });

  it('accepts whole counts from 1 to 1000 only', () => {
    expect(parseCount('5')).toEqual({ count: 5 });
    expect(parseCount(' 1000 ')).toEqual({ count: 1000 });
    for (const bad of ['0', '-3', '2.5', 'abc', '', '1001']) expect(parseCount(bad)).toEqual({ error: 'count' });
  });

  it('formats kilometres with two decimals', () => {
    expect(formatKm(1234)).toBe('1.23 km');
  });
});
