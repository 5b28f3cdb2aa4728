/**
 * Client-side check of a Vietnamese civil plate before it is sent, mirroring the twin's grammar
 * (src/Twin/Plates: PlateText + PlateGrammar + PlateSeries + PlateProvinces). The server stays the
 * authority; this only spares the operator a round trip and explains what is wrong.
 */
export type PlateCheck =
  | { ok: true; key: string; layout: 'one-line' | 'two-line' }
  | { ok: false; error: PlateError; detail: string };

export type PlateError =
  | 'plate.empty'
  | 'plate.tooLong'
  | 'plate.illegalChar'
  | 'plate.province'
  | 'plate.unknownProvince'
  | 'plate.series'
  | 'plate.number';

const MAX_LENGTH = 16;
const UNASSIGNED_PROVINCES = new Set([13, 42, 44, 45, 46, 87, 91, 96]);
const SPECIAL_SERIES = new Set(['NG', 'NN', 'QT', 'CV', 'LD', 'KT', 'DA', 'MK', 'HC']);

const isDigit = (c: string) => c >= '0' && c <= '9';
const isUpper = (c: string) => c >= 'A' && c <= 'Z';
// I, J, O, Q, W are never issued; R stands alone only (trailers).
const isNormalLetter = (c: string) => isUpper(c) && !'IJOQWR'.includes(c);

const fail = (error: PlateError, detail: string): PlateCheck => ({ ok: false, error, detail });

/** Canonical key (uppercase, no separators), or null when the text cannot be a plate. */
export function plateKey(text: string): string | null {
  const check = checkPlate(text);
  return check.ok ? check.key : null;
}

export function checkPlate(text: string | null | undefined): PlateCheck {
  const trimmed = (text ?? '').trim();
  if (trimmed.length === 0) return fail('plate.empty', '');
  if (trimmed.length > MAX_LENGTH) return fail('plate.tooLong', String(trimmed.length));

  let key = '';
  const splits = new Set<number>();
  let lineBreak = false;
  for (const raw of trimmed) {
    if (/^[A-Za-z0-9]$/.test(raw)) key += raw.toUpperCase();
    else if ('-. \t\r\n'.includes(raw)) {
      splits.add(key.length);
      lineBreak ||= raw === '\r' || raw === '\n';
    } else return fail('plate.illegalChar', raw);
  }
  if (key.length === 0) return fail('plate.empty', '');

  if (key.length < 2 || !isDigit(key[0]) || !isDigit(key[1])) return fail('plate.province', key);
  const province = Number(key.slice(0, 2));
  if (province < 11 || UNASSIGNED_PROVINCES.has(province)) return fail('plate.unknownProvince', key.slice(0, 2));

  let letters = 0;
  while (2 + letters < key.length && isUpper(key[2 + letters])) letters++;
  if (letters === 0 || letters > 2) return fail('plate.series', key);
  const digits = key.slice(2 + letters);
  if (!/^[0-9]*$/.test(digits)) return fail('plate.number', digits);

  if (letters === 2) {
    const series = key.slice(2, 4);
    const ok = SPECIAL_SERIES.has(series) || (isNormalLetter(series[0]) && isNormalLetter(series[1]));
    if (!ok) return fail('plate.series', series);
    if (digits.length !== 4 && digits.length !== 5) return fail('plate.number', digits);
    const twoLine = lineBreak || splits.has(2) || !(splits.has(4) || SPECIAL_SERIES.has(series));
    return { ok: true, key, layout: twoLine ? 'two-line' : 'one-line' };
  }

  const letter = key[2];
  if (!isNormalLetter(letter) && letter !== 'R') return fail('plate.series', letter);
  const carFits = digits.length === 4 || digits.length === 5;
  const motorbikeFits = isNormalLetter(letter) && (digits.length === 5 || digits.length === 6);
  if (!carFits && !motorbikeFits) return fail('plate.number', digits);
  const oneLine = !motorbikeFits || (carFits && splits.has(3) && !splits.has(4));
  return { ok: true, key, layout: oneLine ? 'one-line' : 'two-line' };
}
