import { describe, expect, it } from 'vitest';
import { axisLabels, cityDate, clockLabel, pointLabel } from '../src/markets/chartTime';

// 2026-12-07 14:05:00 UTC is 21:05 in Thu Duc (UTC+7); 17:00 UTC is midnight there, the next day.
const afternoonUtc = Date.UTC(2026, 11, 7, 14, 5) / 1000;
const cityMidnight = Date.UTC(2026, 11, 7, 17, 0) / 1000;

describe('chart time axis', () => {
  it('reads the clock in Asia/Ho_Chi_Minh, 24-hour, in either language', () => {
    expect(clockLabel(afternoonUtc, 'vi')).toBe('21:05');
    expect(clockLabel(afternoonUtc, 'en')).toBe('21:05');
  });

  it('puts the day under the first tick and under the tick that starts a new city day, in the UI language', () => {
    const splits = [cityMidnight - 120, cityMidnight - 60, cityMidnight, cityMidnight + 60];
    expect(axisLabels(splits, 'vi')).toEqual(['23:58\n07/12', '23:59', '00:00\n08/12', '00:01']);
    expect(axisLabels(splits, 'en')).toEqual(['23:58\n07 Dec', '23:59', '00:00\n08 Dec', '00:01']);
  });

  it('labels the minute under the cursor with its city day and time, and a dash for none', () => {
    expect(pointLabel(afternoonUtc, 'vi')).toBe('07/12 21:05');
    expect(pointLabel(afternoonUtc, 'en')).toBe('07 Dec 21:05');
    expect(pointLabel(null, 'vi')).toBe('–');
  });

  it('gives uPlot a date whose local fields are the city wall clock', () => {
    const shifted = cityDate(afternoonUtc);
    expect([shifted.getFullYear(), shifted.getMonth(), shifted.getDate(), shifted.getHours(), shifted.getMinutes()]).toEqual([2026, 11, 7, 21, 5]);
  });
});
