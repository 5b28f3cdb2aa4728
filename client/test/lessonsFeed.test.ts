import { describe, expect, it } from 'vitest';
import { CallerAccess } from '../src/api/access';
import type { GraphQLHttp } from '../src/api/http';
import type { LiveSession } from '../src/api/live';
import type { LiveFeed, Subscribe } from '../src/api/liveFeed';
import type { LessonMark } from '../src/classrooms/lessonArcs';
import { LessonArcsLayer } from '../src/classrooms/lessonArcsLayer';
import { LessonsFeed, readLesson } from '../src/classrooms/lessonsFeed';
import { lessonsOnMap } from '../src/classrooms/lessonsOnMap';
import { MalformedEvent } from '../src/state/parse';

const lesson = { id: 'lesson-1', hostSchoolId: 'school-a', remoteSchoolIds: ['school-b', 'school-c'], startsAt: '2026-12-07T09:00:00Z', endsAt: '2026-12-07T10:00:00Z' };

function socket(): { subscribe: Subscribe; push: (data: unknown) => void; fields: string[] } {
  let handler: (data: unknown) => void = () => {};
  const fields: string[] = [];
  return {
    fields,
    subscribe: (_query, _variables, field, handle) => {
      fields.push(field);
      handler = handle;
      return () => {};
    },
    push: (data) => handler(data),
  };
}

describe('lessons feed', () => {
  it('applies a lesson update that arrives during the snapshot after it', async () => {
    const link = socket();
    const log: string[] = [];
    const sink = {
      setLessons: (lessons: readonly LessonMark[]) => log.push(`snapshot:${lessons.map((l) => l.id).join(',')}`),
      upsert: (l: LessonMark) => log.push(`upsert:${l.id}:${l.remoteSchoolIds.length}`),
    };
    let answer!: (value: unknown) => void;
    const connected = new LessonsFeed(<T>() => new Promise<T>((resolve) => (answer = resolve as (value: unknown) => void)), sink).connected(link.subscribe);
    link.push({ lessonId: 'lesson-2', hostSchoolId: 'school-a', remoteSchoolIds: ['school-d'], startsAt: lesson.startsAt, endsAt: lesson.endsAt });
    answer({ lessons: [lesson] });
    await connected;
    link.push({ ...lesson, id: undefined, lessonId: 'lesson-1' });

    expect(link.fields).toEqual(['lessonUpdates']);
    expect(log).toEqual(['snapshot:lesson-1', 'upsert:lesson-2:1', 'upsert:lesson-1:2']);
  });

  it('reads lessons from the query and from events alike, and refuses a broken one', () => {
    expect(readLesson(lesson)).toEqual(lesson);
    expect(readLesson({ ...lesson, id: undefined, lessonId: 'lesson-1' }).id).toBe('lesson-1');
    expect(() => readLesson({ ...lesson, remoteSchoolIds: 'school-b' })).toThrow(MalformedEvent);
  });
});

describe('lessons on the map', () => {
  it('adds the arcs and their feed only for a key with LESSONS', () => {
    const feeds: LiveFeed[] = [];
    const live = { addFeed: (feed: LiveFeed) => feeds.push(feed) } as unknown as LiveSession;
    expect(lessonsOnMap(CallerAccess.of('market', ['MARKET_TOTALS']), {} as GraphQLHttp, live)).toBeNull();
    expect(feeds).toHaveLength(0);
    expect(lessonsOnMap(CallerAccess.of('school-office', ['LESSONS']), {} as GraphQLHttp, live)).toBeInstanceOf(LessonArcsLayer);
    expect(feeds).toHaveLength(1);
  });
});
