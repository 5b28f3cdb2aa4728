import type { LiveFeed, Subscribe } from '../api/liveFeed';
import { MalformedEvent } from '../state/parse';
import type { LessonMark } from './lessonArcs';
import { LESSON_UPDATES, LIVE_LESSONS } from './lessonQueries';

/** Where lessons go: the arcs layer. */
export interface LessonsSink {
  setLessons(lessons: readonly LessonMark[]): void;
  upsert(lesson: LessonMark): void;
}

type Query = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/** A lesson from the `lessons` query (`id`) or a `lessonUpdates` event (`lessonId`). */
export function readLesson(raw: unknown): LessonMark {
  if (raw === null || typeof raw !== 'object') throw new MalformedEvent('lesson: not an object');
  const l = raw as Record<string, unknown>;
  const id = l.lessonId ?? l.id;
  const text = (value: unknown, what: string) => {
    if (typeof value !== 'string' || value.length === 0) throw new MalformedEvent(`lesson.${what}: not a string`);
    return value;
  };
  if (!Array.isArray(l.remoteSchoolIds)) throw new MalformedEvent('lesson.remoteSchoolIds: not a list');
  return {
    id: text(id, 'id'),
    hostSchoolId: text(l.hostSchoolId, 'hostSchoolId'),
    remoteSchoolIds: l.remoteSchoolIds.map((s) => text(s, 'remoteSchoolIds')),
    startsAt: text(l.startsAt, 'startsAt'),
    endsAt: text(l.endsAt, 'endsAt'),
  };
}

/**
 * Live lessons on the live link: subscribes to `lessonUpdates`, then reads the lessons being taught now, holding back
 * the events that arrive meanwhile so that none is lost or overwritten by the older snapshot.
 */
export class LessonsFeed implements LiveFeed {
  constructor(
    private readonly query: Query,
    private readonly sink: LessonsSink,
  ) {}

  async connected(subscribe: Subscribe): Promise<void> {
    let held: LessonMark[] | null = [];
    subscribe(LESSON_UPDATES, {}, 'lessonUpdates', (data) => {
      const lesson = readLesson(data);
      if (held) held.push(lesson);
      else this.sink.upsert(lesson);
    });
    try {
      const data = await this.query<{ lessons: unknown[] }>(LIVE_LESSONS);
      this.sink.setLessons(data.lessons.map(readLesson));
    } finally {
      const pending = held;
      held = null;
      pending.forEach((lesson) => this.sink.upsert(lesson));
    }
  }
}
