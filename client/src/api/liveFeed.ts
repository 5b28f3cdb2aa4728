/** Subscribes one operation on the live link's socket; returns the unsubscribe. */
export type Subscribe = (query: string, variables: Record<string, unknown>, field: string, handle: (data: unknown) => void) => () => void;

/**
 * A feature's share of the live link: after every (re)connection it gets a `subscribe` bound to that connection (its
 * subscriptions end with it) and loads its own snapshot. Markets and lessons plug in this way, so they ride the one
 * graphql-ws socket the map already has.
 */
export interface LiveFeed {
  connected(subscribe: Subscribe): Promise<void>;
}
