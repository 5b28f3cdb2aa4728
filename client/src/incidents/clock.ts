/** The response clock of story 2: from dispatch to the team on scene, shown as m:ss while it runs and when it stops. */

export interface ClockTimes {
  dispatchedAt: string | null;
  onSceneAt: string | null;
  responseTimeSeconds: number | null;
}

/** Seconds on the clock at `nowMs`: stopped once on scene, running while the team is on its way, else null. */
export function responseSeconds(incident: ClockTimes, nowMs: number): number | null {
  if (incident.responseTimeSeconds !== null && Number.isFinite(incident.responseTimeSeconds)) return incident.responseTimeSeconds;
  if (!incident.dispatchedAt) return null;
  const dispatched = Date.parse(incident.dispatchedAt);
  if (!Number.isFinite(dispatched)) return null;
  const end = incident.onSceneAt ? Date.parse(incident.onSceneAt) : nowMs;
  return Number.isFinite(end) ? (end - dispatched) / 1000 : null;
}

/** 420 → "7:00", 65.4 → "1:05", an hour and more → "61:00"; null → "–". */
export function formatClock(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '–';
  const whole = Math.max(0, Math.round(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
