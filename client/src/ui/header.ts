import { language, setLanguage, t, type MessageKey } from '../i18n';
import { checkPlate } from '../state/plates';
import type { LiveStore } from '../state/store';
import { escapeHtml, fold } from '../state/text';
import { byId } from './dom';

export type SearchHit =
  | { kind: 'plate'; plate: string }
  | { kind: 'camera'; id: string; lon: number; lat: number }
  | { kind: 'place'; id: string; placeKind: 'store' | 'school' | 'clinic'; lon: number; lat: number }
  | { kind: 'ward'; code: string; lon: number; lat: number };

const MAX_SEARCH = 64;

/** Decides what a search means: a camera id or name, a place or ward name, else a plate (checked first). */
export function resolveSearch(store: LiveStore, text: string): SearchHit | { error: MessageKey; detail?: string } {
  const query = text.trim();
  if (!query) return { error: 'search.empty' };
  if (query.length > MAX_SEARCH) return { error: 'search.tooLong' };
  const folded = fold(query);
  const camera = store.cameras.get(query) ?? [...store.cameras.values()].find((c) => fold(c.id) === folded || fold(c.name).includes(folded));
  if (camera) return { kind: 'camera', id: camera.id, lon: camera.lon, lat: camera.lat };
  const place = [...store.places.values()].find((p) => fold(p.name).includes(folded));
  if (place) return { kind: 'place', id: place.id, placeKind: place.kind, lon: place.lon, lat: place.lat };
  const ward = [...store.wards.values()].find((w) => w.lon !== null && fold(w.name).includes(folded));
  if (ward) return { kind: 'ward', code: ward.code, lon: ward.lon!, lat: ward.lat! };
  const plate = checkPlate(query);
  if (plate.ok) return { kind: 'plate', plate: query };
  // Looks like a plate (starts with digits) but is not one: say why; otherwise nothing matched.
  return /^\d/.test(query) ? { error: plate.error, detail: plate.detail } : { error: 'search.none' };
}

/** Top bar: search, connection state, language switch, sign out. */
export class Header {
  constructor(
    private readonly store: LiveStore,
    private readonly onHit: (hit: SearchHit) => void,
    private readonly onSignOut: () => void,
  ) {
    byId('search-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const input = byId<HTMLInputElement>('search-input');
      const hit = resolveSearch(this.store, input.value);
      const message = byId('search-message');
      if ('error' in hit) {
        message.textContent = `${t(hit.error)}${hit.detail ? `: ${hit.detail}` : ''}`;
        input.setAttribute('aria-invalid', 'true');
      } else {
        message.textContent = '';
        input.removeAttribute('aria-invalid');
        this.onHit(hit);
      }
    });
    byId('lang-switch').addEventListener('click', () => setLanguage(language() === 'vi' ? 'en' : 'vi'));
    byId('sign-out').addEventListener('click', () => this.onSignOut());
  }

  render(): void {
    document.title = t('app.title');
    byId('app-title').textContent = t('app.title');
    byId<HTMLInputElement>('search-input').placeholder = t('search.placeholder');
    byId('search-submit').textContent = t('search.submit');
    byId('lang-switch').textContent = t('lang.switch');
    byId('sign-out').textContent = t('signin.out');
    this.renderConnection();
  }

  renderConnection(): void {
    const badge = byId('connection');
    badge.dataset.state = this.store.connection;
    badge.textContent = t(`conn.${this.store.connection}` as MessageKey);
  }

  renderProblems(): void {
    const list = byId('problems');
    list.hidden = this.store.problems.length === 0;
    const label: Record<string, MessageKey> = { malformed: 'problems.malformed', server: 'problems.server', socket: 'problems.socket' };
    list.innerHTML = this.store.problems
      .slice(0, 5)
      .map(
        (p) => `<li data-kind="${p.kind}"><strong>${escapeHtml(t(label[p.kind]))}</strong>: ${escapeHtml(p.message)}
          <button type="button" data-dismiss="${p.id}" aria-label="${escapeHtml(t('problems.dismiss'))}">×</button></li>`,
      )
      .join('');
    list.onclick = (event) => {
      const id = (event.target as HTMLElement).dataset.dismiss;
      if (id) this.store.dismissProblem(Number(id));
    };
  }
}
