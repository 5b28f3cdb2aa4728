/** The markets' GraphQL operations, in one place. */
export const MARKETS = 'query Markets { markets { id name location retailerCount sessionCount orderCount revenueVnd } }';

export const MARKET_DETAIL = `query MarketDetail($id: ID!, $sessionId: ID) {
  market(id: $id) {
    id name location retailerCount sessionCount orderCount revenueVnd
    sessions { id platform orderCount revenueVnd }
    ordersPerMinute(sessionId: $sessionId) { minute orders }
  }
}`;

export const MARKET_UPDATES = 'subscription MarketUpdates { marketUpdates { marketId retailerCount sessionCount orderCount revenueVnd } }';

export const SESSION_UPDATES = 'subscription SessionUpdates { sessionUpdates { marketId sessionId platform orderCount revenueVnd } }';
