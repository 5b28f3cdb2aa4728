import { describe, expect, it } from 'vitest';
import { checkPlate } from '../src/state/plates';

describe('checkPlate', () => {
  it.each([
    ['51G-123.45', '51G12345', 'one-line'],
    ['59-X1 123.45', '59X112345', 'two-line'],
    ['59-L1 2345', '59L12345', 'two-line'],
    ['59X112345', '59X112345', 'two-line'],
    ['51LD-123.45', '51LD12345', 'one-line'],
    ['59-AA 123.45', '59AA12345', 'two-line'],
    [' 41r-1234 ', '41R1234', 'one-line'],
  ])('accepts %s as %s (%s)', (text, key, layout) => {
    expect(checkPlate(text)).toEqual({ ok: true, key, layout });
  });

  it.each([
    ['', 'plate.empty'],
    ['  -. ', 'plate.empty'],
    ['51G-123.45-000000', 'plate.tooLong'],
    ['51G_12345', 'plate.illegalChar'],
    ['5G-123.45', 'plate.province'],
    ['46A-123.45', 'plate.unknownProvince'],
    ['10A-123.45', 'plate.unknownProvince'],
    ['51I-123.45', 'plate.series'],
    ['51ABC-12345', 'plate.series'],
    ['51IQ-12345', 'plate.series'],
    ['51G-123', 'plate.number'],
    ['51G-1234567', 'plate.number'],
    ['51G1A345', 'plate.number'],
  ])('refuses %j with %s', (text, error) => {
    const check = checkPlate(text);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.error).toBe(error);
  });
});
