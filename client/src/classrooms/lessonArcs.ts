/** A lesson as the map needs it: its schools and when it is taught. */
export interface LessonMark {
  id: string;
  hostSchoolId: string;
  remoteSchoolIds: readonly string[];
  startsAt: string;
  endsAt: string;
}

export type SchoolPositions = ReadonlyMap<string, [number, number]>;

/** Whether the lesson is being taught at `nowMs`. */
export function isLive(lesson: LessonMark, nowMs: number): boolean {
  return Date.parse(lesson.startsAt) <= nowMs && nowMs < Date.parse(lesson.endsAt);
}

/**
 * A curved line from `from` to `to` (a quadratic Bézier bowed to the left by a fifth of the distance), so that arcs
 * from one host to several schools in a row stay apart.
 */
export function arc(from: [number, number], to: [number, number], steps = 24): [number, number][] {
  const [x0, y0] = from;
  const [x1, y1] = to;
  const [mx, my] = [(x0 + x1) / 2, (y0 + y1) / 2];
  const [dx, dy] = [x1 - x0, y1 - y0];
  const control: [number, number] = [mx - dy * 0.2, my + dx * 0.2];
  const points: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const s = i / steps;
    const a = (1 - s) * (1 - s);
    const b = 2 * (1 - s) * s;
    const c = s * s;
    points.push([a * x0 + b * control[0] + c * x1, a * y0 + b * control[1] + c * y1]);
  }
  return points;
}

/** One arc feature per remote school of each live lesson; schools without a known position are left out. */
export function lessonArcFeatures(lessons: Iterable<LessonMark>, schools: SchoolPositions, nowMs: number): GeoJSON.Feature<GeoJSON.LineString, Record<string, unknown>>[] {
  const features: GeoJSON.Feature<GeoJSON.LineString, Record<string, unknown>>[] = [];
  for (const lesson of lessons) {
    if (!isLive(lesson, nowMs)) continue;
    const host = schools.get(lesson.hostSchoolId);
    if (!host) continue;
    for (const remote of lesson.remoteSchoolIds) {
      const to = schools.get(remote);
      if (!to) continue;
      features.push({
        type: 'Feature',
        id: `${lesson.id}:${remote}`,
        geometry: { type: 'LineString', coordinates: arc(host, to) },
        properties: { lessonId: lesson.id, hostSchoolId: lesson.hostSchoolId, remoteSchoolId: remote },
      });
    }
  }
  return features;
}
