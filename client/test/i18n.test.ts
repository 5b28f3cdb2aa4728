import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dictionaries } from '../src/i18n';
import { INCIDENT_KINDS, INCIDENT_STATUSES } from '../src/map/layers/incidents';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('i18n', () => {
  const vi = Object.keys(dictionaries.vi).sort();
  const en = Object.keys(dictionaries.en).sort();

  it('has the same keys in Vietnamese and English', () => {
    expect(en).toEqual(vi);
  });

  it('has no empty or untranslated-looking message', () => {
    for (const [lang, messages] of Object.entries(dictionaries))
      for (const [key, text] of Object.entries(messages)) expect(text.trim(), `${lang}:${key}`).not.toBe('');
  });

  it('defines every key the source asks for with t("…")', () => {
    const used = new Set<string>();
    for (const file of sources(fileURLToPath(new URL('../src', import.meta.url))))
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z.]+)'\)/g)) used.add(match[1]);
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((k) => !vi.includes(k))).toEqual([]);
  });

  it('names every incident kind and status the schema has', () => {
    for (const k of INCIDENT_KINDS) expect(vi).toContain(`kind.${k}`);
    for (const s of INCIDENT_STATUSES) expect(vi).toContain(`status.${s}`);
  });
});
