import { CallerAccess } from './api/access';
import { SchemaFeatures } from './api/features';
import { GraphQLHttp } from './api/http';
import { LiveSession } from './api/live';
import { lessonsOnMap } from './classrooms/lessonsOnMap';
import { acknowledgeAlert } from './api/recentAlerts';
import { CAMERA, PLACE_BY_KIND } from './api/queries';
import { onLanguageChange, setLanguage, language } from './i18n';
import { BasemapLayer } from './map/layers/basemap';
import { CamerasLayer } from './map/layers/cameras';
import { IncidentsLayer } from './map/layers/incidents';
import { PlacesLayer } from './map/layers/places';
import { SightingsLayer } from './map/layers/sightings';
import { TraceLayer } from './map/layers/trace';
import { WardChoroplethLayer } from './map/layers/wardChoropleth';
import { MapView } from './map/mapView';
import { marketsOnMap, type MarketsOnMap } from './markets/marketsOnMap';
import { planningOnMap, type PlanningOnMap } from './planning/planningOnMap';
import { readCamera, readPlace } from './state/parse';
import type { AlertItem, PlaceKind } from './state/model';
import { LiveStore } from './state/store';
import { AlertFeed } from './ui/alertFeed';
import { DetailPanel } from './ui/detailPanel';
import { byId } from './ui/dom';
import { Header, type SearchHit } from './ui/header';
import { Sidebar } from './ui/sidebar';
import { signIn, signOut, storedKey } from './ui/signin';
import './styles.css';
import { IncidentAreaLayer } from './incidents/area';

const base = location.origin;
const graphqlHttp = `${base}/graphql`;
const graphqlWs = `${base.replace(/^http/, 'ws')}/graphql`;

/** What tests and the benchmark reach through `window.__citytwin`. */
export interface TestHook {
  map: MapView['map'];
  view: MapView;
  store: LiveStore;
  live: LiveSession;
  ready: Promise<void>;
  /** Null where the key may not read market totals. */
  markets: MarketsOnMap | null;
  /** Null where the key may not read coverage. */
  planning: PlanningOnMap | null;
}

declare global {
  interface Window {
    __citytwin?: TestHook;
  }
}

async function start(): Promise<void> {
  setLanguage(language());
  const apiKey = storedKey() ?? (await signIn(graphqlHttp));
  const http = new GraphQLHttp(graphqlHttp, () => apiKey);
  const features = await SchemaFeatures.load(http);
  const access = await CallerAccess.load(http);
  const store = new LiveStore();
  byId('app').hidden = false;
  const view = new MapView(byId('map'), store);
  const actor = 'map-operator';

  const wards = new WardChoroplethLayer(base);
  const incidents = new IncidentsLayer();
  const trace = new TraceLayer();
  const detail = new DetailPanel(store, http, features, view, trace, actor);
  const refreshPlace = debounceById(async (kind: PlaceKind, id: string) => {
    const data = await http.query<{ node: unknown }>(PLACE_BY_KIND[kind], { id });
    if (data.node) store.upsertPlace(readPlace(data.node, kind));
    // A clinic changes when a reading is recorded: its open panel lists the new study.
    if (kind === 'clinic' && detail.current?.id === `clinic:${id}`) void detail.loadStudies(id);
  }, store);
  const refreshCamera = debounceById(async (_: string, id: string) => {
    const data = await http.query<{ camera: unknown }>(CAMERA, { id });
    if (data.camera) store.upsertCamera(readCamera(data.camera));
  }, store);

  const live = new LiveSession(
    graphqlWs,
    apiKey,
    http,
    features,
    access,
    store,
    (id) => {
      if (detail.current?.kind === 'incident' && detail.current.id === id) detail.showIncident(id);
    },
    (kind, id) => {
      if (kind === 'store' || kind === 'school' || kind === 'clinic') refreshPlace(kind, id);
      else if (kind === 'camera') refreshCamera('camera', id);
    },
  );

  const markets = marketsOnMap(access, http, live, store);
  const lessonArcs = lessonsOnMap(access, http, live);
  const planning = planningOnMap(access, http, store, base);

  const openAlert = (alert: AlertItem) => {
    if (alert.lon !== null && alert.lat !== null) view.map.flyTo({ center: [alert.lon, alert.lat], zoom: Math.max(view.map.getZoom(), 15) });
    if (alert.kind === 'incident') detail.showIncident(alert.subject);
    else if (alert.kind === 'watchlist') void detail.showVehicle(alert.subject);
  };
  const feed = new AlertFeed(store, openAlert, (url) => http.image(url),
    access.can('ACKNOWLEDGE_ALERTS') ? (id) => acknowledgeAlert(http, id) : null);
  const sidebar = new Sidebar(view, store, http, features, wards, incidents, actor, access);
  const header = new Header(store, (hit) => goTo(hit), signOut);

  function goTo(hit: SearchHit): void {
    if (hit.kind === 'plate') {
      void detail.showVehicle(hit.plate);
      return;
    }
    view.map.flyTo({ center: [hit.lon, hit.lat], zoom: Math.max(view.map.getZoom(), 15) });
    if (hit.kind === 'camera') detail.showCamera(hit.id);
    else if (hit.kind === 'place') detail.showPlace(hit.placeKind, hit.id);
  }

  view.map.on('load', () => {
    view.register(new BasemapLayer(base));
    view.register(wards, false);
    view.register(new CamerasLayer());
    view.register(new IncidentAreaLayer((kind, open) => incidents.kinds.has(kind) && (incidents.showResolved || open)));
    view.register(incidents);
    view.register(new PlacesLayer('store'));
    view.register(new PlacesLayer('school'));
    view.register(new PlacesLayer('clinic'));
    view.register(new SightingsLayer());
    view.register(trace);
    if (lessonArcs) view.register(lessonArcs);
    if (planning) view.register(planning.layer);
    if (markets) {
      view.register(markets.layer);
      view.onClick('markets-point', (id) => void markets.panel.open(id));
    }
    view.onClick('cameras-point', (id) => detail.showCamera(id));
    view.onClick('incidents-point', (id) => detail.showIncident(id));
    view.onClick('sightings-point', (plate) => void detail.showVehicle(plate));
    for (const kind of ['store', 'school', 'clinic'] as const) view.onClick(`places-${kind}-point`, (id) => detail.showPlace(kind, id));
    sidebar.render();
    live.setViewport(view.currentBbox());
    live.start();
  });
  view.map.on('moveend', () => live.setViewport(view.currentBbox()));

  view.onFrame((dirty) => {
    if (dirty.has('alerts')) feed.render();
    if (dirty.has('connection')) header.renderConnection();
    if (dirty.has('problems')) header.renderProblems();
    if (dirty.has('cameras') || dirty.has('incidents') || dirty.has('sightings') || dirty.has('places')) {
      if (detail.current && detail.current.kind !== 'vehicle') detail.render();
    }
  });
  const renderAll = () => {
    header.render();
    feed.render();
    sidebar.render();
    detail.render();
    markets?.panel.refresh();
    planning?.panel.render();
  };
  onLanguageChange(renderAll);
  renderAll();
  // Alt+A jumps to the alert list from anywhere.
  document.addEventListener('keydown', (event) => {
    if (event.altKey && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      feed.focusList();
    }
  });

  window.__citytwin = { map: view.map, view, store, live, ready: live.firstLive, markets, planning };
}

/** Coalesces refreshes of one entity: a burst of counter changes costs one query per 500 ms. */
function debounceById<K extends string>(load: (kind: K, id: string) => Promise<void>, store: LiveStore): (kind: K, id: string) => void {
  const pending = new Map<string, number>();
  return (kind, id) => {
    const key = `${kind}:${id}`;
    window.clearTimeout(pending.get(key));
    pending.set(
      key,
      window.setTimeout(() => {
        pending.delete(key);
        load(kind, id).catch((error: Error) => store.report('server', error.message));
      }, 500),
    );
  };
}

start().catch((error: Error) => {
  const target = document.getElementById('fatal');
  if (target) {
    target.hidden = false;
    target.textContent = error.message;
  }
});
