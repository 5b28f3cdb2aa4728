import { formatTime, t, tDynamic, type MessageKey } from '../i18n';
import type { AlertItem } from '../state/model';
import type { LiveStore } from '../state/store';
import { escapeHtml } from '../state/text';
import { byId } from './dom';
import { failureText, toast } from './toast';

const TITLES: Record<AlertItem['kind'], MessageKey> = {
  watchlist: 'alert.watchlistHit',
  incident: 'alert.incidentOpened',
  imaging: 'alert.imaging',
};

/**
 * The alert feed: newest first, unread counted, usable with the keyboard alone (Tab into the list,
 * arrow keys to move, Enter to open). Opening an alert marks it read and hands it to `open`. Where the key may
 * acknowledge alerts, each unacknowledged one has a button that records the acknowledgement on the server.
 */
export class AlertFeed {
  private sound = false;
  private lastSeenCount = 0;
  private audio: AudioContext | null = null;

  constructor(
    private readonly store: LiveStore,
    private readonly open: (alert: AlertItem) => void,
    private readonly loadImage: (url: string) => Promise<string> = (url) => Promise.resolve(url),
    /** Records an acknowledgement on the server; null where the key's role may not acknowledge. */
    private readonly acknowledge: ((id: string) => Promise<void>) | null = null,
  ) {
    const list = byId('alert-list');
    list.addEventListener('click', (event) => {
      const ack = (event.target as HTMLElement).closest<HTMLElement>('[data-ack]');
      if (ack) {
        event.stopPropagation();
        void this.acknowledgeOne(ack.dataset.ack!, ack as HTMLButtonElement);
        return;
      }
      const item = (event.target as HTMLElement).closest<HTMLElement>('[data-alert]');
      if (item) this.activate(item.dataset.alert!);
    });
    list.addEventListener('keydown', (event) => this.onKey(event));
    byId<HTMLInputElement>('alert-sound').addEventListener('change', (event) => {
      this.sound = (event.target as HTMLInputElement).checked;
    });
    byId('alert-read-all').addEventListener('click', () => store.markRead());
  }

  render(): void {
    byId('alerts-title').textContent = t('alerts.title');
    byId('alert-sound-label').textContent = t('alerts.sound');
    byId('alert-read-all').textContent = t('alerts.markRead');
    const unread = this.store.unreadCount;
    const badge = byId('alert-unread');
    badge.textContent = String(unread);
    badge.title = `${unread} ${t('alerts.unread')}`;
    badge.hidden = unread === 0;
    const list = byId('alert-list');
    const focusedId = (document.activeElement as HTMLElement | null)?.dataset?.alert;
    list.innerHTML = this.store.alerts.length
      ? this.store.alerts.map((a) => this.item(a)).join('')
      : `<li class="empty">${escapeHtml(t('alerts.empty'))}</li>`;
    if (focusedId) list.querySelector<HTMLElement>(`[data-alert="${CSS.escape(focusedId)}"]`)?.focus();
    for (const img of list.querySelectorAll<HTMLImageElement>('img[data-src]')) {
      // A crop that cannot be loaded (expired key, role without plates) is simply not shown.
      this.loadImage(img.dataset.src!).then((src) => (img.src = src), () => img.remove());
    }
    if (this.sound && this.store.alerts.length > this.lastSeenCount) this.beep();
    this.lastSeenCount = this.store.alerts.length;
  }

  private item(a: AlertItem): string {
    const image = a.imageUrl ? `<img class="crop" alt="" data-src="${escapeHtml(a.imageUrl)}">` : '';
    return `<li role="option" tabindex="-1" data-alert="${escapeHtml(a.id)}" data-kind="${a.kind}" data-acknowledged="${a.acknowledged}" class="alert ${a.read ? 'read' : 'unread'}" aria-selected="false">
      ${image}${this.ackControl(a)}<strong>${escapeHtml(t(TITLES[a.kind]))}</strong> <span class="subject" data-subject="${escapeHtml(a.subject)}">${escapeHtml(this.subjectText(a))}</span>
      <span class="time">${escapeHtml(formatTime(a.at))}</span>${a.kind === 'incident' ? '' : `<div class="detail">${escapeHtml(a.detail)}</div>`}</li>`;
  }

  private ackControl(a: AlertItem): string {
    if (a.acknowledged) return `<span class="acked" title="${escapeHtml(t('alerts.acknowledged'))}">✓</span>`;
    if (!this.acknowledge) return '';
    return `<button type="button" class="ack" data-ack="${escapeHtml(a.id)}">${escapeHtml(t('alerts.acknowledge'))}</button>`;
  }

  private async acknowledgeOne(id: string, button: HTMLButtonElement): Promise<void> {
    if (!this.acknowledge) return;
    button.disabled = true;
    try {
      await this.acknowledge(id);
      this.store.acknowledgeAlert(id);
      toast('ok', t('toast.acknowledged'));
    } catch (error) {
      button.disabled = false;
      toast('error', failureText('alerts.acknowledgeFailed', error));
      this.store.report('server', `${t('alerts.acknowledgeFailed')}: ${(error as Error).message}`);
    }
  }

  /** Incidents are named by kind and status (their id is a GUID); plates and clinics by themselves. */
  private subjectText(a: AlertItem): string {
    if (a.kind !== 'incident') return a.subject;
    const [kind, status] = a.detail.split(' · ');
    return `${tDynamic('kind', kind ?? '')} · ${tDynamic('status', status ?? '')}`;
  }

  private onKey(event: KeyboardEvent): void {
    const items = [...byId('alert-list').querySelectorAll<HTMLElement>('[data-alert]')];
    if (!items.length) return;
    const index = items.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      items.forEach((i) => i.setAttribute('tabindex', '-1'));
      const target = items[Math.max(0, Math.min(items.length - 1, to))];
      target.setAttribute('tabindex', '0');
      target.focus();
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else if ((event.key === 'Enter' || event.key === ' ') && index >= 0) {
      event.preventDefault();
      this.activate(items[index].dataset.alert!);
    }
  }

  /** The list itself takes focus first; arrow keys then move into it. */
  focusList(): void {
    const first = byId('alert-list').querySelector<HTMLElement>('[data-alert]');
    (first ?? byId('alert-list')).focus();
  }

  private activate(id: string): void {
    const alert = this.store.alerts.find((a) => a.id === id);
    if (!alert) return;
    this.store.markRead(id);
    this.open(alert);
  }

  private beep(): void {
    try {
      this.audio ??= new AudioContext();
      const oscillator = this.audio.createOscillator();
      oscillator.frequency.value = 880;
      oscillator.connect(this.audio.destination);
      oscillator.start();
      oscillator.stop(this.audio.currentTime + 0.15);
    } catch {
      // No audio device: the badge and the list still show the alert.
    }
  }
}
