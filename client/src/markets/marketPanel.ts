import { language, t } from '../i18n';
import { el } from '../ui/dom';
import { formatVnd, type MarketMark, type MarketUpdate } from './marketModel';
import { readMarket, readMinutes, readSession, type SessionTotals } from './marketParse';
import { MARKET_DETAIL } from './marketQueries';
import type { MarketsSink } from './marketsFeed';
import { OrdersChart } from './ordersChart';
import { upToNow } from './ordersPerMinute';

type Query = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/**
 * A market's panel: its totals, its sessions and the orders-per-minute chart of the whole market or of the session
 * picked. It reads the market once when opened (and when the session changes); live updates then move the totals and
 * add the new orders to the chart's current minute.
 */
export class MarketPanel implements Pick<MarketsSink, 'applyUpdate' | 'applySession'> {
  private market: MarketMark | null = null;
  private sessions = new Map<string, SessionTotals>();
  /** The session the chart shows, or null for the whole market. */
  private sessionId: string | null = null;
  private chart: OrdersChart | null = null;
  private loading = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly query: Query,
    private readonly onError: (message: string) => void,
  ) {}

  get openId(): string | null {
    return this.market?.id ?? null;
  }

  /** The session whose chart is shown, or null for the whole market's. */
  get shownSessionId(): string | null {
    return this.market ? this.sessionId : null;
  }

  /** The chart's minutes and orders, as uPlot draws them (the test hook reads them). */
  get chartMinutes(): [number[], number[]] {
    return this.chart?.minutes ?? [[], []];
  }

  /** Orders the chart shows, summed over its minutes (the test hook reads it). */
  get chartedOrders(): number {
    return this.chart?.total ?? 0;
  }

  async open(marketId: string, sessionId: string | null = null): Promise<void> {
    const ticket = ++this.loading;
    try {
      const data = await this.query<{ market: unknown }>(MARKET_DETAIL, { id: marketId, sessionId });
      if (ticket !== this.loading) return;
      if (!data.market) throw new Error(`${t('market.notFound')}: ${marketId}`);
      const raw = data.market as { sessions?: unknown[] | null; ordersPerMinute?: unknown };
      this.market = readMarket(data.market);
      this.sessions = new Map((raw.sessions ?? []).map((s) => readSession(s, marketId)).map((s) => [s.sessionId, s]));
      this.sessionId = sessionId;
      this.render();
      this.chart?.load(upToNow(readMinutes(raw.ordersPerMinute), Date.now()));
    } catch (error) {
      this.onError(error instanceof Error ? error.message : String(error));
    }
  }

  close(): void {
    this.loading++;
    this.market = null;
    this.chart?.destroy();
    this.chart = null;
    this.root.hidden = true;
    this.root.replaceChildren();
  }

  applyUpdate(update: MarketUpdate): void {
    const market = this.market;
    if (!market || market.id !== update.marketId) return;
    if (this.sessionId === null && market.orderCount !== null) this.chart?.live(market.orderCount, update.orderCount);
    this.market = { ...market, ...update };
    this.renderTotals();
  }

  applySession(session: SessionTotals): void {
    if (!this.market || this.market.id !== session.marketId) return;
    const before = this.sessions.get(session.sessionId);
    this.sessions.set(session.sessionId, session);
    if (this.sessionId === session.sessionId) this.chart?.live(before?.orderCount ?? 0, session.orderCount);
    if (!before) this.render();
  }

  /** Reads the open market again and redraws it in the current language. */
  refresh(): void {
    if (this.market) void this.open(this.market.id, this.sessionId);
  }

  /** Draws the panel anew (on open, when a session appears). */
  render(): void {
    const market = this.market;
    if (!market) return;
    const close = el('button', { type: 'button', class: 'close', 'aria-label': t('market.close') }, '×');
    close.addEventListener('click', () => this.close());
    const picker = el('select', { id: 'market-session', 'aria-label': t('market.chartOf') });
    picker.append(el('option', { value: '' }, t('market.wholeMarket')));
    for (const s of this.sessions.values()) picker.append(el('option', { value: s.sessionId }, `${s.platform} · ${s.sessionId}`));
    picker.value = this.sessionId ?? '';
    picker.addEventListener('change', () => void this.open(market.id, picker.value || null));
    const chartBox = el('div', { class: 'market-chart' });
    this.root.replaceChildren(
      close,
      el('h2', {}, market.name),
      el('dl', { id: 'market-totals' }),
      el('label', {}, t('market.chartOf'), ' ', picker),
      chartBox,
    );
    this.root.hidden = false;
    this.chart?.destroy();
    this.chart = new OrdersChart(chartBox, 280, 150);
    this.renderTotals();
  }

  private renderTotals(): void {
    const market = this.market;
    const totals = this.root.querySelector('#market-totals');
    if (!market || !totals) return;
    const lang = language();
    const number = (n: number | null) => (n === null ? '—' : n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB'));
    const row = (label: string, value: string, id: string) => [el('dt', {}, label), el('dd', { id }, value)];
    totals.replaceChildren(
      ...row(t('market.retailers'), number(market.retailerCount), 'market-retailers'),
      ...row(t('market.sessions'), number(market.sessionCount), 'market-sessions'),
      ...row(t('market.orders'), number(market.orderCount), 'market-orders'),
      ...row(t('market.revenue'), formatVnd(market.revenueVnd, lang), 'market-revenue'),
    );
  }
}
