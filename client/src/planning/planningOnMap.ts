import type { CallerAccess } from '../api/access';
import type { GraphQLHttp, UserError } from '../api/http';
import type { LiveStore } from '../state/store';
import { el } from '../ui/dom';
import { PlanningLayer } from './planningLayer';
import { readPlan, readPlannedCameras, type CameraPlanView } from './planningModel';
import { PlanningPanel } from './planningPanel';
import { ADOPT_PLAN, COVERAGE, COVERAGE_GAPS, PLAN_CAMERAS, PLANNED_CAMERAS } from './planningQueries';

/** The planner view's parts: its layer and its panel. */
export interface PlanningOnMap {
  layer: PlanningLayer;
  panel: PlanningPanel;
  /** Resolves once coverage, gaps and planned cameras have been read (tests wait on it). */
  loaded: Promise<void>;
}

/** The most gap pages read for the map (200 stretches each): the real layer has about 2,300. */
const MAX_GAP_PAGES = 30;

/** How long the map lets the solver run: the plan returns the best found within it, with the proved gap. */
const PLAN_TIME_LIMIT_S = 30;

/**
 * Wires the planner view in for keys that may read coverage (capability COVERAGE: planners, and operators who read);
 * running and adopting a plan needs PLAN_CAMERAS, which only planners have. Other keys get nothing.
 */
export function planningOnMap(access: CallerAccess, http: GraphQLHttp, store: LiveStore, base: string): PlanningOnMap | null {
  if (!access.can('COVERAGE')) return null;
  const layer = new PlanningLayer(base);
  const root = el('section', { id: 'planning-panel', class: 'detail planning-panel', 'aria-live': 'polite' });
  document.getElementById('app')?.append(root);
  const report = (message: string) => store.report('server', message);

  const reload = async (): Promise<void> => {
    const coverage = await http.query<{ coverage: { city: { percent: number }; wards: { wardCode: string; figures: { percent: number } }[] } }>(COVERAGE, {});
    const gaps: GeoJSON.Feature[] = [];
    let after: string | null = null;
    for (let page = 0; page < MAX_GAP_PAGES; page++) {
      type Page = { coverageGaps: { nodes: { roadId: string; roadClass: string; lengthM: number; geometry: GeoJSON.Geometry }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
      const data: Page = await http.query<Page>(COVERAGE_GAPS, { after });
      for (const gap of data.coverageGaps.nodes)
        gaps.push({ type: 'Feature', geometry: gap.geometry, properties: { roadId: gap.roadId, roadClass: gap.roadClass, lengthM: gap.lengthM } });
      if (!data.coverageGaps.pageInfo.hasNextPage) break;
      after = data.coverageGaps.pageInfo.endCursor;
    }
    const planned = await http.query<{ plannedCameras: Record<string, unknown>[] }>(PLANNED_CAMERAS, {});
    const cameras = readPlannedCameras(planned.plannedCameras);
    layer.setCoverage(new Map(coverage.coverage.wards.map((w) => [w.wardCode, w.figures.percent])), gaps);
    layer.setPlanned(cameras);
    panel.setCoverage(coverage.coverage.city.percent, cameras.length);
  };

  const firstError = (errors: UserError[]) => (errors.length > 0 ? `${errors[0].code}: ${errors[0].message}` : null);
  let current: CameraPlanView | null = null;
  const panel = new PlanningPanel(root, access.can('PLAN_CAMERAS'), {
    run: async (count, kind) => {
      try {
        const data = await http.query<{ planCameras: { cameraPlan: Record<string, unknown> | null; errors: UserError[] } }>(PLAN_CAMERAS, { count, kind, timeLimitS: PLAN_TIME_LIMIT_S });
        const error = firstError(data.planCameras.errors);
        if (error || !data.planCameras.cameraPlan) {
          panel.setMessage(error ?? 'no plan');
          return;
        }
        current = readPlan(data.planCameras.cameraPlan);
        layer.setPlan(current);
        panel.setPlan(current);
      } catch (failure) {
        panel.setMessage((failure as Error).message);
      }
    },
    adopt: async (planId) => {
      try {
        const data = await http.query<{ adoptPlan: { errors: UserError[] } }>(ADOPT_PLAN, { planId });
        const error = firstError(data.adoptPlan.errors);
        if (error) {
          panel.setMessage(error);
          return;
        }
        current = null;
        layer.setPlan(null);
        panel.setPlan(null);
        await reload();
      } catch (failure) {
        panel.setMessage((failure as Error).message);
      }
    },
    showLayers: (visible) => layer.setVisible(visible),
  });
  panel.render();
  const loaded = reload().catch((failure: Error) => report(`coverage: ${failure.message}`));
  return { layer, panel, loaded };
}
