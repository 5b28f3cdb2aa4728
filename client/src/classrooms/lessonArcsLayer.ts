import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LiveStore } from '../state/store';
import { collection, removeAll, setData, type MapLayer } from '../map/layer';
import { lessonArcFeatures, type LessonMark } from './lessonArcs';

/**
 * Arcs from a lesson's host school to each remote school while the lesson is live. Lessons come from the `lessons`
 * query and `lessonUpdates`; school positions from the store's places. A lesson's arcs go when it ends (checked each
 * minute and on every update).
 */
export class LessonArcsLayer implements MapLayer {
  readonly id = 'lesson-arcs';
  readonly topics = ['places'] as const;
  private readonly lessons = new Map<string, LessonMark>();
  private map: MapLibreMap | null = null;
  private store: LiveStore | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  add(map: MapLibreMap, store: LiveStore): void {
    map.addSource(this.id, { type: 'geojson', data: collection([]) });
    map.addLayer({
      id: 'lesson-arcs-line',
      type: 'line',
      source: this.id,
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': '#6a1b9a', 'line-width': 2.5, 'line-dasharray': [2, 1.5] },
    });
    this.timer = setInterval(() => this.redraw(), 60_000);
    this.update(map, store);
  }

  /** Replaces the lessons with a snapshot (after connecting or reconnecting). */
  setLessons(lessons: readonly LessonMark[]): void {
    this.lessons.clear();
    for (const lesson of lessons) this.lessons.set(lesson.id, lesson);
    this.redraw();
  }

  /** Adds or replaces a lesson (from the query or a `lessonUpdates` event). */
  upsert(lesson: LessonMark): void {
    this.lessons.set(lesson.id, lesson);
    this.redraw();
  }

  update(map: MapLibreMap, store: LiveStore): void {
    this.map = map;
    this.store = store;
    this.redraw();
  }

  remove(map: MapLibreMap): void {
    if (this.timer) clearInterval(this.timer);
    removeAll(map, ['lesson-arcs-line'], [this.id]);
    this.map = null;
  }

  private redraw(): void {
    if (!this.map || !this.store) return;
    const schools = new Map<string, [number, number]>();
    for (const place of this.store.places.values()) if (place.kind === 'school') schools.set(place.id, [place.lon, place.lat]);
    setData(this.map, this.id, collection(lessonArcFeatures(this.lessons.values(), schools, Date.now())));
  }
}
