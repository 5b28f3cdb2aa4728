import type { SchemaFeatures } from '../api/features';
import { GraphQLFailure, type GraphQLHttp, type UserError } from '../api/http';
import { actionsFor, cameraSnapshotQuery, clinicStudiesQuery, incidentActionMutation, INCIDENT_ACTIONS, INCIDENT, vehicleQuery, type IncidentAction } from '../api/queries';
import { formatTime, t, tDynamic, type MessageKey } from '../i18n';
import type { TraceLayer } from '../map/layers/trace';
import type { MapView } from '../map/mapView';
import { readClinicStudy, type ClinicStudyView } from '../state/clinicStudies';
import { point, readIncident } from '../state/parse';
import type { Place } from '../state/model';
import type { LiveStore } from '../state/store';
import { escapeHtml } from '../state/text';
import { clinicStudiesHtml } from './clinicStudies';
import { byId } from './dom';
import { formatClock, responseSeconds } from '../incidents/clock';
import { isOwnSnapshotUrl } from '../incidents/snapshot';
import { failureText, toast } from './toast';

const ACTION_LABELS: Record<IncidentAction, MessageKey> = {
  confirm: 'incident.confirm',
  dispatch: 'incident.dispatch',
  onScene: 'incident.onScene',
  resolve: 'incident.resolve',
};

type Shown = { kind: 'camera' | 'incident' | 'vehicle' | 'place'; id: string } | null;

/** The panel that shows one thing: a camera, an incident (with its actions), a vehicle's trace, or a place. */
export class DetailPanel {
  private shown: Shown = null;
  private vehicleHtml = '';
  private clock: number | undefined;

  constructor(
    private readonly store: LiveStore,
    private readonly http: GraphQLHttp,
    private readonly features: SchemaFeatures,
    private readonly view: MapView,
    private readonly trace: TraceLayer,
    private readonly actor: string,
  ) {
    const panel = byId('detail');
    panel.addEventListener('click', (event) => {
      const target = event.target as HTMLElement;
      if (target.dataset.close !== undefined) this.close();
      const action = target.dataset.action as IncidentAction | undefined;
      if (action && this.shown?.kind === 'incident') void this.act(this.shown.id, action, target as HTMLButtonElement);
      if (target.dataset.rendered) void this.openRendered(target.dataset.rendered);
    });
    panel.addEventListener('keydown', (event) => event.key === 'Escape' && this.close());
  }

  showCamera(id: string): void {
    this.shown = { kind: 'camera', id };
    this.snapshotUrl = null;
    this.render();
    void this.loadSnapshot(id);
  }

  private snapshotUrl: string | null = null;

  private async loadSnapshot(id: string): Promise<void> {
    const query = cameraSnapshotQuery(this.features);
    if (!query) return;
    try {
      const data = await this.http.query<{ camera: Record<string, unknown> | null }>(query, { id });
      const url = Object.values(data.camera ?? {}).find((v) => typeof v === 'string') as string | undefined;
      if (this.shown?.kind === 'camera' && this.shown.id === id && url) {
        this.snapshotUrl = url;
        this.render();
      }
    } catch (error) {
      this.store.report('server', (error as Error).message);
    }
  }

  showIncident(id: string): void {
    this.shown = { kind: 'incident', id };
    this.render();
    void this.refreshIncident(id);
  }

  showPlace(kind: Place['kind'], id: string): void {
    this.shown = { kind: 'place', id: `${kind}:${id}` };
    this.studies = undefined;
    this.render();
    if (kind === 'clinic') void this.loadStudies(id);
  }

  /** The shown clinic's latest readings: undefined while loading, null when the key is not this clinic's. */
  private studies: ClinicStudyView[] | null | undefined;

  /** Loads (or reloads, when a reading arrives) the shown clinic's latest studies. */
  async loadStudies(id: string): Promise<void> {
    try {
      const data = await this.http.query<{ clinic: { studies: { nodes: unknown[] } | null } | null }>(clinicStudiesQuery(this.features), { id });
      if (this.shown?.id !== `clinic:${id}`) return;
      this.studies = data.clinic?.studies ? data.clinic.studies.nodes.map(readClinicStudy) : null;
      this.render();
    } catch (error) {
      this.store.report('server', (error as Error).message);
    }
  }

  /** The rendered image is served only with the clinic's key, so it is fetched with it, never linked bare. */
  private async openRendered(url: string): Promise<void> {
    const target = document.getElementById('clinic-image');
    try {
      const objectUrl = await this.http.image(url, 'image/jpeg');
      if (target) target.innerHTML = `<img class="rendered" alt="${escapeHtml(t('clinic.openImage'))}" src="${escapeHtml(objectUrl)}">`;
    } catch (error) {
      if (target) target.innerHTML = `<p class="error" role="alert">${escapeHtml(t('clinic.imageFailed'))}: ${escapeHtml((error as Error).message)}</p>`;
    }
  }

  /** Looks a plate up, draws its trace and lists its reads. `plate` was checked by the caller. */
  async showVehicle(plate: string): Promise<void> {
    this.shown = { kind: 'vehicle', id: plate };
    this.vehicleHtml = `<p>${escapeHtml(t('common.loading'))}</p>`;
    this.render();
    try {
      let data: { vehicle: VehicleResult | null };
      try {
        data = await this.http.query<{ vehicle: VehicleResult | null }>(vehicleQuery(this.features), { plate });
      } catch (error) {
        // A newly added optional field may not have the shape guessed here: show the vehicle without it.
        if (!(error instanceof GraphQLFailure) || error.code === 'NETWORK') throw error;
        this.store.report('server', error.message);
        data = await this.http.query<{ vehicle: VehicleResult | null }>(vehicleQuery(this.features, false), { plate });
      }
      if (this.shown?.kind !== 'vehicle' || this.shown.id !== plate) return;
      this.vehicleHtml = this.drawVehicle(plate, data.vehicle);
    } catch (error) {
      this.vehicleHtml = `<p class="error" role="alert">${escapeHtml((error as Error).message)}</p>`;
      this.store.report('server', (error as Error).message);
    }
    this.render();
  }

  close(): void {
    this.shown = null;
    this.trace.clear(this.view.map);
    this.render();
  }

  /** Re-renders when the shown thing may have changed (called once per frame with the dirty topics). */
  render(): void {
    const panel = byId('detail');
    window.clearInterval(this.clock);
    if (!this.shown) {
      panel.hidden = true;
      return;
    }
    panel.hidden = false;
    const close = `<button class="close" data-close aria-label="${escapeHtml(t('common.close'))}">×</button>`;
    let body = '';
    if (this.shown.kind === 'camera') body = this.cameraHtml(this.shown.id);
    else if (this.shown.kind === 'incident') body = this.incidentHtml(this.shown.id);
    else if (this.shown.kind === 'vehicle') body = this.vehicleHtml;
    else body = this.placeHtml(this.shown.id);
    panel.innerHTML = close + body;
    if (this.shown.kind === 'incident') this.clock = window.setInterval(() => this.tickClock(), 1000);
    if (this.shown.kind === 'incident') void this.loadIncidentSnapshot();
  }

  /** An incident snapshot is served only with an operator's key, so it is fetched with it, never linked bare. */
  private async loadIncidentSnapshot(): Promise<void> {
    const target = document.getElementById('incident-snapshot');
    const url = target?.dataset.url ?? null;
    if (!target || !isOwnSnapshotUrl(url)) return;
    try {
      const objectUrl = await this.http.image(url, 'image/jpeg');
      target.innerHTML = `<img class="snapshot" alt="${escapeHtml(t('incident.snapshot'))}" src="${escapeHtml(objectUrl)}">`;
    } catch (error) {
      target.innerHTML = `<p class="error" role="alert">${escapeHtml((error as Error).message)}</p>`;
    }
  }

  get current(): Shown {
    return this.shown;
  }

  private cameraHtml(id: string): string {
    const camera = this.store.cameras.get(id);
    if (!camera) return `<h2>${escapeHtml(t('camera.title'))} ${escapeHtml(id)}</h2>`;
    const reads = this.store.readsByCamera.get(id) ?? [];
    const readList = reads.length
      ? `<ul class="reads">${reads.map((r) => `<li class="${r.watched ? 'watched' : ''}"><span class="plate">${escapeHtml(r.plate)}</span> ${escapeHtml(formatTime(r.seenAt))}</li>`).join('')}</ul>`
      : `<p>${escapeHtml(t('camera.noReads'))}</p>`;
    // The latest-snapshot field is being added to the schema elsewhere; until it exists there is nothing to show.
    const snapshot = this.snapshotUrl
      ? `<img class="snapshot" alt="${escapeHtml(t('camera.snapshot'))}" src="${escapeHtml(this.snapshotUrl)}">`
      : `<p>${escapeHtml(t('camera.noSnapshot'))}</p>`;
    return `<h2 data-camera="${escapeHtml(id)}">${escapeHtml(camera.name)}</h2>
      <dl><dt>${escapeHtml(t('camera.status'))}</dt><dd class="${camera.online ? 'online' : 'offline'}">${escapeHtml(t(camera.online ? 'camera.online' : 'camera.offline'))}</dd>
      <dt>${escapeHtml(t('camera.kind'))}</dt><dd>${escapeHtml(camera.kind)}</dd>
      <dt>${escapeHtml(t('camera.road'))}</dt><dd>${escapeHtml(camera.road ?? '–')}</dd></dl>
      <h3>${escapeHtml(t('camera.snapshot'))}</h3>${snapshot}
      <h3>${escapeHtml(t('camera.reads'))}</h3>${readList}`;
  }

  private incidentHtml(id: string): string {
    const incident = this.store.incidents.get(id);
    if (!incident) return `<h2>${escapeHtml(t('incident.title'))}</h2><p>${escapeHtml(t('common.loading'))}</p>`;
    const buttons = actionsFor(incident.status)
      .map((a) => `<button type="button" data-action="${a}" data-testid="incident-${a}">${escapeHtml(t(ACTION_LABELS[a]))}</button>`)
      .join(' ');
    return `<h2>${escapeHtml(t('incident.title'))}: ${escapeHtml(tDynamic('kind', incident.kind))}</h2>
      <dl><dt>${escapeHtml(t('incident.status'))}</dt><dd data-testid="incident-status" data-status="${escapeHtml(incident.status)}">${escapeHtml(tDynamic('status', incident.status))}</dd>
      <dt>${escapeHtml(t('incident.detectedAt'))}</dt><dd>${escapeHtml(formatTime(incident.detectedAt))}</dd>
      <dt>${escapeHtml(t('incident.responseClock'))}</dt><dd id="response-clock">${escapeHtml(this.clockText())}</dd></dl>
      ${incident.description ? `<p>${escapeHtml(incident.description)}</p>` : ''}
      ${incident.locationQuality === 'UNLOCATED' ? `<p class="note">${escapeHtml(t('incident.unlocated'))}</p>` : ''}
      ${isOwnSnapshotUrl(incident.snapshotUrl ?? null) ? `<h3>${escapeHtml(t('incident.snapshot'))}</h3><div id="incident-snapshot" data-url="${escapeHtml(incident.snapshotUrl!)}"></div>` : ''}
      <div class="actions">${buttons}</div><p class="error" role="alert" id="incident-error"></p>`;
  }

  /** Story 2's clock: dispatch → on scene; it runs while the team is on its way. */
  private clockText(): string {
    if (this.shown?.kind !== 'incident') return '–';
    const incident = this.store.incidents.get(this.shown.id);
    if (!incident) return '–';
    return formatClock(responseSeconds(incident, Date.now()));
  }

  private tickClock(): void {
    const element = document.getElementById('response-clock');
    if (element) element.textContent = this.clockText();
  }

  private placeHtml(key: string): string {
    const place = this.store.places.get(key);
    if (!place) return '';
    const rows = Object.entries(place.counters)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => `<dt>${escapeHtml(t(k as MessageKey))}</dt><dd>${escapeHtml((v as number).toLocaleString())}</dd>`)
      .join('');
    const studies = place.kind === 'clinic' && this.studies !== undefined ? clinicStudiesHtml(this.studies) : '';
    return `<h2>${escapeHtml(place.name)}</h2><dl>${rows}</dl>${studies}`;
  }

  private async refreshIncident(id: string): Promise<void> {
    try {
      const data = await this.http.query<{ incident: unknown }>(INCIDENT, { id });
      if (data.incident) this.store.upsertIncident(readIncident(data.incident));
    } catch (error) {
      this.store.report('server', (error as Error).message);
    }
  }

  private async act(id: string, action: IncidentAction, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    try {
      const payload = await this.http.mutate<{ incident: unknown; errors?: UserError[] }>(INCIDENT_ACTIONS[action], incidentActionMutation(action), { id, actor: this.actor });
      if (payload.incident) this.store.upsertIncident(readIncident(payload.incident));
      toast('ok', t('toast.incidentMoved'));
    } catch (error) {
      toast('error', failureText('toast.incidentFailed', error));
      const message = error instanceof GraphQLFailure ? error.message : String(error);
      const target = document.getElementById('incident-error');
      if (target) target.textContent = message;
      this.store.report('server', message);
      button.disabled = false;
    }
  }

  private drawVehicle(plate: string, vehicle: VehicleResult | null): string {
    if (!vehicle) {
      this.trace.clear(this.view.map);
      return `<h2>${escapeHtml(t('vehicle.title'))} ${escapeHtml(plate)}</h2><p>${escapeHtml(t('vehicle.unknown'))}</p>`;
    }
    const points = vehicle.sightings.nodes.map((s) => {
      const [lon, lat] = point(s.location, 'sighting.location');
      return { lon, lat, seenAt: s.seenAt, cameraId: s.cameraId };
    });
    const predicted = (vehicle.predictedNextCameras ?? []).map((p) => {
      const [lon, lat] = point(p.camera.location, 'predicted.location');
      return { id: p.camera.id, name: p.camera.name, lon, lat, etaSeconds: p.etaSeconds };
    });
    this.trace.show(this.view.map, points, predicted);
    if (points.length) this.view.map.flyTo({ center: [points[0].lon, points[0].lat], zoom: Math.max(this.view.map.getZoom(), 14) });
    const rows = points.map((p) => `<li>${escapeHtml(formatTime(p.seenAt))} · ${escapeHtml(p.cameraId)}</li>`).join('');
    const speed = vehicle.speedKmh != null ? `<dt>${escapeHtml(t('vehicle.speed'))}</dt><dd>${Math.round(vehicle.speedKmh)} km/h</dd>` : '';
    const next = predicted.length ? `<h3>${escapeHtml(t('vehicle.predicted'))}</h3><ul>${predicted.map((c) => `<li>${escapeHtml(c.name)} · ${Math.max(1, Math.round(c.etaSeconds / 60))} min</li>`).join('')}</ul>` : '';
    return `<h2>${escapeHtml(t('vehicle.title'))} <span class="plate">${escapeHtml(vehicle.plate ?? plate)}</span></h2>
      <dl><dt>${escapeHtml(t(vehicle.watched ? 'vehicle.watched' : 'vehicle.notWatched'))}</dt><dd>${escapeHtml(vehicle.watch?.reason ?? '')}</dd>${speed}</dl>
      <h3>${escapeHtml(t('vehicle.trace'))}</h3><ol class="trace">${rows}</ol>${next}`;
  }
}

interface VehicleResult {
  plate: string | null;
  watched: boolean;
  watch: { reason: string } | null;
  sightings: { nodes: { cameraId: string; seenAt: string; location: unknown }[] };
  speedKmh?: number | null;
  predictedNextCameras?: { camera: { id: string; name: string; location: unknown }; distanceMeters: number; etaSeconds: number; expectedAt: string }[] | null;
}
