import type { SchemaFeatures } from './features';
import { GraphQLFailure, type GraphQLHttp } from './http';
import { ACKNOWLEDGE_ALERT, recentAlertsQuery } from './queries';
import { readAlert } from '../state/parse';
import type { AlertItem } from '../state/model';

type RecentPage = { alerts: { nodes: { acknowledged: boolean; alert: unknown }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

/** Pages of 50 (a page of 200 whole alerts is over the server's query complexity limit); the server keeps 500 alerts. */
const MAX_PAGES = 10;

/**
 * The alerts the twin kept, newest first, with this key's acknowledgement: what the feed shows after a reload or a
 * reconnect. A role without alerts (the server says FORBIDDEN) gets an empty list; other failures are thrown.
 */
export async function loadRecentAlerts(http: GraphQLHttp, features: SchemaFeatures): Promise<AlertItem[]> {
  const items: AlertItem[] = [];
  let after: string | null = null;
  try {
    for (let page = 0; page < MAX_PAGES; page++) {
      const data: RecentPage = await http.query<RecentPage>(recentAlertsQuery(features), { after });
      for (const node of data.alerts.nodes) {
        items.push({ ...readAlert(node.alert), acknowledged: node.acknowledged, read: node.acknowledged });
      }
      if (!data.alerts.pageInfo.hasNextPage) break;
      after = data.alerts.pageInfo.endCursor;
    }
  } catch (error) {
    if (error instanceof GraphQLFailure && error.code === 'FORBIDDEN') return [];
    throw error;
  }
  return items;
}

/** Acknowledges an alert for this key; a refusal (unknown alert, role without the right) throws a GraphQLFailure. */
export async function acknowledgeAlert(http: GraphQLHttp, id: string): Promise<void> {
  await http.mutate('acknowledgeAlert', ACKNOWLEDGE_ALERT, { id });
}
