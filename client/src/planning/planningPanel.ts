import { t } from '../i18n';
import { el } from '../ui/dom';
import { formatKm, formatPercent, parseCount, type CameraPlanView } from './planningModel';

/** What the panel asks of the page: run a plan, adopt it, and show or hide the planning layers. */
export interface PlanningActions {
  run(count: number, kind: 'PTZ_360' | 'SECTOR'): Promise<void>;
  adopt(planId: string): Promise<void>;
  showLayers(visible: boolean): void;
}

/**
 * The planners' panel: city coverage, the run form (count, kind) and the plan's before/after figures with greedy
 * beside the exact solve, its sites by marginal gain, and Adopt. Readers without PLAN_CAMERAS see figures only.
 */
export class PlanningPanel {
  private cityPercent: number | null = null;
  private plannedCount = 0;
  private plan: CameraPlanView | null = null;
  private busy = false;
  private message = '';
  private visible = true;

  constructor(
    private readonly root: HTMLElement,
    private readonly mayPlan: boolean,
    private readonly actions: PlanningActions,
  ) {}

  setCoverage(cityPercent: number, plannedCount: number): void {
    this.cityPercent = cityPercent;
    this.plannedCount = plannedCount;
    this.render();
  }

  setPlan(plan: CameraPlanView | null): void {
    this.plan = plan;
    this.render();
  }

  setMessage(message: string): void {
    this.message = message;
    this.render();
  }

  render(): void {
    const toggle = el('input', { type: 'checkbox', id: 'planning-layers' });
    toggle.checked = this.visible;
    toggle.addEventListener('change', () => {
      this.visible = toggle.checked;
      this.actions.showLayers(this.visible);
    });
    const parts: Node[] = [
      el('h2', {}, t('planning.title')),
      el('label', {}, toggle, ` ${t('planning.showLayers')}`),
      el('p', { id: 'planning-city' }, `${t('planning.cityCoverage')}: ${this.cityPercent === null ? '–' : formatPercent(this.cityPercent)}`),
      el('p', { id: 'planning-planned' }, `${t('planning.plannedCameras')}: ${this.plannedCount}`),
      el('p', { class: 'hint' }, t('planning.legend')),
    ];
    if (this.mayPlan) parts.push(this.form());
    if (this.message) parts.push(el('p', { id: 'planning-message', class: 'error', role: 'alert' }, this.message));
    if (this.plan) parts.push(...this.figures(this.plan));
    this.root.replaceChildren(...parts);
    this.root.hidden = false;
  }

  private form(): HTMLFormElement {
    const count = el('input', { id: 'planning-count', type: 'number', min: '1', max: '1000', value: '10', required: '' });
    const kind = el('select', { id: 'planning-kind' }, el('option', { value: 'PTZ_360' }, t('planning.kindPtz')), el('option', { value: 'SECTOR' }, t('planning.kindSector')));
    const run = el('button', { id: 'planning-run', type: 'submit' }, this.busy ? t('planning.running') : t('planning.run'));
    if (this.busy) run.setAttribute('disabled', '');
    const form = el('form', { id: 'planning-form' }, el('label', {}, `${t('planning.count')} `, count), el('label', {}, ` ${t('planning.kind')} `, kind), run);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const parsed = parseCount(count.value);
      if ('error' in parsed) {
        this.setMessage(t('planning.badCount'));
        return;
      }
      this.busy = true;
      this.message = '';
      this.render();
      void this.actions.run(parsed.count, kind.value as 'PTZ_360' | 'SECTOR').finally(() => {
        this.busy = false;
        this.render();
      });
    });
    return form;
  }

  private figures(plan: CameraPlanView): Node[] {
    const row = (label: string, exact: string, greedy: string) => el('tr', {}, el('th', {}, label), el('td', {}, exact), el('td', {}, greedy));
    const table = el(
      'table',
      { id: 'planning-figures' },
      el('tr', {}, el('th', {}, ''), el('th', {}, t('planning.exact')), el('th', {}, t('planning.greedy'))),
      row(t('planning.before'), formatPercent(plan.beforePercent), formatPercent(plan.beforePercent)),
      row(t('planning.after'), formatPercent(plan.afterPercent), formatPercent(plan.greedyAfterPercent)),
      row(t('planning.added'), formatKm(plan.addedM), formatKm(plan.greedyAddedM)),
      row(t('planning.seconds'), plan.solveSeconds.toFixed(1), plan.greedySeconds.toFixed(2)),
    );
    const gap = el('p', { id: 'planning-gap' }, plan.optimal ? t('planning.optimal') : `${t('planning.gap')}: ${plan.gapPercent.toFixed(2)}%`);
    const sites = el(
      'ol',
      { id: 'planning-sites' },
      ...plan.sites.map((s) => el('li', {}, `${s.wardCode}: +${formatKm(s.gainM)}`)),
    );
    const parts: Node[] = [el('h3', {}, `${t('planning.plan')} ${plan.id}`), el('p', { id: 'planning-summary' }, plan.summary), table, gap, sites];
    if (this.mayPlan) {
      const adopt = el('button', { id: 'planning-adopt', type: 'button' }, t('planning.adopt'));
      adopt.addEventListener('click', () => void this.actions.adopt(plan.id));
      parts.push(adopt);
    }
    return parts;
  }
}
