import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { language, t } from '../i18n';
import { axisLabels, cityDate, pointLabel } from './chartTime';
import { addLive, toColumns, type ChartColumns, type MinutePoint } from './ordersPerMinute';

/**
 * The orders-per-minute chart of a market or one session, drawn by uPlot; live updates add to the current minute. Its time
 * axis reads in the city's time (Asia/Ho_Chi_Minh) and the UI language of the moment it is drawn (the panel draws it
 * anew when the language changes).
 */
export class OrdersChart {
  private readonly plot: uPlot;
  private columns: ChartColumns = [[], []];

  constructor(container: HTMLElement, width = 320, height = 160) {
    const lang = language();
    this.plot = new uPlot(
      {
        width,
        height,
        title: t('market.ordersPerMinute'),
        scales: { x: { time: true } },
        tzDate: cityDate,
        series: [
          { label: t('market.minute'), value: (_u, v) => pointLabel(v, lang) },
          { label: t('market.orders'), stroke: '#ef6c00', fill: 'rgba(239,108,0,0.15)', width: 2 },
        ],
        axes: [{ values: (_u, splits) => axisLabels(splits, lang), size: 44 }, { size: 40 }],
      },
      this.columns,
      container,
    );
  }

  /** Replaces the data with a query's minutes. */
  load(points: readonly MinutePoint[]): void {
    this.columns = toColumns(points);
    this.plot.setData(this.columns);
  }

  /** A live count went from `before` to `after`. */
  live(before: number, after: number, atMs = Date.now()): void {
    this.columns = addLive(this.columns, atMs, before, after);
    this.plot.setData(this.columns);
  }

  /** The minutes shown (Unix seconds) and their orders. */
  get minutes(): ChartColumns {
    return this.columns;
  }

  /** Orders over every minute shown. */
  get total(): number {
    return this.columns[1].reduce((sum, orders) => sum + orders, 0);
  }

  destroy(): void {
    this.plot.destroy();
  }
}
