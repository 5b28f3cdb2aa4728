import type { CallerAccess } from '../api/access';
import type { GraphQLHttp } from '../api/http';
import type { LiveSession } from '../api/live';
import { LessonArcsLayer } from './lessonArcsLayer';
import { LessonsFeed } from './lessonsFeed';

/**
 * Wires the lesson arcs in, for keys that may read lessons (capability LESSONS): the layer, and its feed on the one
 * live socket (add it before the session starts). Null for other keys.
 */
export function lessonsOnMap(access: CallerAccess, http: GraphQLHttp, live: LiveSession): LessonArcsLayer | null {
  if (!access.can('LESSONS')) return null;
  const layer = new LessonArcsLayer();
  live.addFeed(new LessonsFeed(<T>(text: string, variables?: Record<string, unknown>) => http.query<T>(text, variables ?? {}), layer));
  return layer;
}
