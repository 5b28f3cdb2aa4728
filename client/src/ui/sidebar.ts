import type { CallerAccess } from '../api/access';
import type { SchemaFeatures } from '../api/features';
import type { GraphQLHttp } from '../api/http';
import { ADD_TO_WATCHLIST, WARD_METRICS } from '../api/queries';
import { t, tDynamic, type MessageKey } from '../i18n';
import { INCIDENT_KINDS, type IncidentsLayer } from '../map/layers/incidents';
import type { WardChoroplethLayer } from '../map/layers/wardChoropleth';
import type { MapView } from '../map/mapView';
import { checkPlate } from '../state/plates';
import type { LiveStore } from '../state/store';
import { escapeHtml } from '../state/text';
import { byId } from './dom';
import { failureText, toast } from './toast';

/** Each layer switch with the capability that lets a role read the layer's data: a role sees only the switches it can use. */
const LAYERS: [string, MessageKey, string][] = [
  ['cameras', 'layers.cameras', 'CAMERAS'],
  ['sightings', 'layers.sightings', 'FOLLOW_SIGHTINGS'],
  ['incidents', 'layers.incidents', 'INCIDENTS'],
  ['places-store', 'layers.stores', 'PLACES'],
  ['places-school', 'layers.schools', 'PLACES'],
  ['places-clinic', 'layers.clinics', 'CLINICS'],
  ['wards', 'layers.wards', 'WARDS'],
];

/** Live layers that only some roles get (markets, classroom arcs): a switch appears where the layer was registered. */
const ROLE_LAYERS: [string, MessageKey][] = [
  ['markets', 'layer.markets'],
  ['lesson-arcs', 'layer.lessonArcs'],
];

/** The add-to-watchlist form, with the plate typed so far kept across re-renders. */
export function watchlistForm(plate: string): string {
  return `<section><h2>${escapeHtml(t('watch.title'))}</h2>
        <form id="watch-form" novalidate>
          <label for="watch-plate">${escapeHtml(t('watch.plate'))}</label>
          <input id="watch-plate" name="plate" autocomplete="off" maxlength="16" placeholder="59-X1 123.45" value="${escapeHtml(plate)}">
          <label for="watch-reason">${escapeHtml(t('watch.reason'))}</label>
          <input id="watch-reason" name="reason" maxlength="200" value="${escapeHtml(t('watch.reasonDefault'))}">
          <button type="submit">${escapeHtml(t('watch.submit'))}</button>
          <p id="watch-result" role="status"></p>
        </form></section>`;
}

/** Left panel: layer switches, the ward aggregate, incident filters and the add-to-watchlist form. */
export class Sidebar {
  constructor(
    private readonly view: MapView,
    private readonly store: LiveStore,
    private readonly http: GraphQLHttp,
    private readonly features: SchemaFeatures,
    private readonly wards: WardChoroplethLayer,
    private readonly incidents: IncidentsLayer,
    private readonly actor: string,
    private readonly access: CallerAccess,
  ) {
    const root = byId('sidebar');
    root.addEventListener('change', (event) => this.onChange(event.target as HTMLInputElement | HTMLSelectElement));
    root.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.addToWatchlist();
    });
  }

  render(): void {
    const metrics = [...WARD_METRICS, ...(this.features.has('Ward', 'coverage') ? ['coverage'] : [])];
    const own = LAYERS.filter(([, , capability]) => this.access.can(capability)).map(([id, key]): [string, MessageKey] => [id, key]);
    const layerBoxes = [...own, ...ROLE_LAYERS.filter(([id]) => this.view.isRegistered(id))].map(
      ([id, key]) => `<label><input type="checkbox" data-layer="${id}" ${this.view.isVisible(id) ? 'checked' : ''}> ${escapeHtml(t(key))}</label>`,
    ).join('');
    const metricOptions = metrics
      .map((m) => `<option value="${m}" ${this.wards.metric === m ? 'selected' : ''}>${escapeHtml(t(`wards.${m}` as MessageKey))}</option>`)
      .join('');
    const kinds = INCIDENT_KINDS.map(
      (k) => `<label><input type="checkbox" data-kind="${k}" ${this.incidents.kinds.has(k) ? 'checked' : ''}> ${escapeHtml(tDynamic('kind', k))}</label>`,
    ).join('');
    const incidentFilters = `<section><h2>${escapeHtml(t('incident.filterKinds'))}</h2>${kinds}
        <label><input type="checkbox" id="show-resolved" ${this.incidents.showResolved ? 'checked' : ''}> ${escapeHtml(t('incident.showResolved'))}</label></section>`;
    const form = byId('sidebar').querySelector('#watch-form') as HTMLFormElement | null;
    const plate = (form?.querySelector('#watch-plate') as HTMLInputElement | null)?.value ?? '';
    // Only roles that may act get the form; the server refuses the mutation for the others anyway.
    const watchForm = this.access.mayEditWatchlist ? watchlistForm(plate) : '';
    byId('sidebar').innerHTML = `
      <section><h2>${escapeHtml(t('layers.title'))}</h2>${layerBoxes}</section>
      ${this.access.can('WARDS') ? `<section><label for="ward-metric">${escapeHtml(t('wards.metric'))}</label><select id="ward-metric">${metricOptions}</select></section>` : ''}
      ${this.access.can('INCIDENTS') ? incidentFilters : ''}
      ${watchForm}`;
  }

  private onChange(target: HTMLInputElement | HTMLSelectElement): void {
    if (target.dataset.layer) {
      if ((target as HTMLInputElement).checked) this.view.show(target.dataset.layer);
      else this.view.hide(target.dataset.layer);
    } else if (target.id === 'ward-metric') {
      this.wards.metric = target.value;
      if (!this.view.isVisible('wards')) this.view.show('wards');
      this.view.redraw('wards');
      this.render();
    } else if (target.dataset.kind) {
      if ((target as HTMLInputElement).checked) this.incidents.kinds.add(target.dataset.kind);
      else this.incidents.kinds.delete(target.dataset.kind);
      this.view.redraw('incidents');
    } else if (target.id === 'show-resolved') {
      this.incidents.showResolved = (target as HTMLInputElement).checked;
      this.view.redraw('incidents');
    }
  }

  private async addToWatchlist(): Promise<void> {
    const plateInput = byId<HTMLInputElement>('watch-plate');
    const reason = byId<HTMLInputElement>('watch-reason').value.trim();
    const result = byId('watch-result');
    result.className = 'error';
    const check = checkPlate(plateInput.value);
    if (!check.ok) {
      result.textContent = `${t(check.error)}${check.detail ? `: ${check.detail}` : ''}`;
      plateInput.setAttribute('aria-invalid', 'true');
      return;
    }
    plateInput.removeAttribute('aria-invalid');
    if (!reason) {
      result.textContent = t('watch.reasonRequired');
      return;
    }
    try {
      await this.http.mutate('addToWatchlist', ADD_TO_WATCHLIST, { plate: plateInput.value.trim(), reason, reportedBy: this.actor });
      result.className = 'ok';
      result.textContent = `${t('watch.added')}: ${check.key}`;
      toast('ok', `${t('watch.added')}: ${check.key}`);
    } catch (error) {
      result.textContent = (error as Error).message;
      toast('error', failureText('toast.watchFailed', error));
      this.store.report('server', (error as Error).message);
    }
  }
}
