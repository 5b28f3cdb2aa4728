import { describe, expect, it } from 'vitest';
import { arc, isLive, lessonArcFeatures, type LessonMark } from '../src/classrooms/lessonArcs';

const schools = new Map<string, [number, number]>([
  ['school-th-an-phu', [106.7495, 10.797]],
  ['school-th-thanh-an', [106.988, 10.4985]],
  ['school-th-thao-dien', [106.7325, 10.8055]],
]);

const lesson = (startsAt: string, endsAt: string): LessonMark => ({
  id: 'lesson-1', hostSchoolId: 'school-th-an-phu', remoteSchoolIds: ['school-th-thanh-an', 'school-th-thao-dien', 'school-unknown'], startsAt, endsAt,
});

describe('lesson arcs', () => {
  it('starts at the host and ends at the remote school, bowed away from the straight line', () => {
    const points = arc([0, 0], [1, 0], 10);
    expect(points[0]).toEqual([0, 0]);
    expect(points[10]).toEqual([1, 0]);
    expect(points[5][1]).toBeGreaterThan(0);
  });

  it('draws one arc per remote school with a known position while the lesson is live, none before or after', () => {
    const now = Date.parse('2026-12-07T02:00:00Z');
    const live = lesson('2026-12-07T01:45:00Z', '2026-12-07T02:30:00Z');
    expect(isLive(live, now)).toBe(true);
    const features = lessonArcFeatures([live], schools, now);
    expect(features.map((f) => f.properties.remoteSchoolId)).toEqual(['school-th-thanh-an', 'school-th-thao-dien']);
    expect(lessonArcFeatures([lesson('2026-12-07T00:00:00Z', '2026-12-07T01:00:00Z')], schools, now)).toEqual([]);
    expect(lessonArcFeatures([lesson('2026-12-07T03:00:00Z', '2026-12-07T04:00:00Z')], schools, now)).toEqual([]);
  });
});
