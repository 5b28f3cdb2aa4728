import type { Language } from '../i18n';

/** The city's time zone: the chart's minutes are Thu Duc's minutes, whatever the browser's own zone. */
export const CITY_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

function parts(unixSeconds: number, lang: Language, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const format = new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone: CITY_TIME_ZONE, hourCycle: 'h23' });
  return Object.fromEntries(format.formatToParts(new Date(unixSeconds * 1000)).map((p) => [p.type, p.value]));
}

/**
 * A Date whose local fields read as the city's wall clock at that instant, which is what uPlot's `tzDate` wants: it
 * places ticks on the city's whole minutes and hours, not the browser's.
 */
export function cityDate(unixSeconds: number): Date {
  const p = parts(unixSeconds, 'en', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return new Date(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
}

/** The city's day of an instant, as the axis shows it under the first tick of each day (07/12, or 07 Dec in English). */
function dayLabel(unixSeconds: number, lang: Language): string {
  const p = parts(unixSeconds, lang, { day: '2-digit', month: lang === 'vi' ? '2-digit' : 'short' });
  return lang === 'vi' ? `${p.day}/${p.month}` : `${p.day} ${p.month}`;
}

/** The city's 24-hour clock time of an instant (21:05). */
export function clockLabel(unixSeconds: number, lang: Language): string {
  const p = parts(unixSeconds, lang, { hour: '2-digit', minute: '2-digit' });
  return `${p.hour}:${p.minute}`;
}

/** Labels of the time axis: the clock time, with the day under the first tick and under each tick that starts a new day. */
export function axisLabels(splits: readonly number[], lang: Language): string[] {
  let previousDay = '';
  return splits.map((s) => {
    const day = dayLabel(s, lang);
    const label = day === previousDay ? clockLabel(s, lang) : `${clockLabel(s, lang)}\n${day}`;
    previousDay = day;
    return label;
  });
}

/** The legend's time of the minute under the cursor: day and clock time in the city. */
export function pointLabel(unixSeconds: number | null | undefined, lang: Language): string {
  if (unixSeconds === null || unixSeconds === undefined || !Number.isFinite(unixSeconds)) return '–';
  return `${dayLabel(unixSeconds, lang)} ${clockLabel(unixSeconds, lang)}`;
}
