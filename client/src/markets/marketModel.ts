/** A market on the map: where it is and its live totals (null where the caller's role may not see them). */
export interface MarketMark {
  id: string;
  name: string;
  lon: number;
  lat: number;
  retailerCount: number | null;
  sessionCount: number | null;
  orderCount: number | null;
  revenueVnd: number | null;
}

/** A `marketUpdates` event as the subscription delivers it. */
export interface MarketUpdate {
  marketId: string;
  retailerCount: number;
  sessionCount: number;
  orderCount: number;
  revenueVnd: number;
}

/**
 * Applies a live update to the markets, keyed by id. Updates can overtake each other on a reconnect, and the totals of
 * a market only grow or shrink with stored orders, so an update is applied whole: the newest delivery wins.
 */
export function applyMarketUpdate(markets: Map<string, MarketMark>, update: MarketUpdate): boolean {
  const market = markets.get(update.marketId);
  if (!market) return false;
  markets.set(update.marketId, {
    ...market,
    retailerCount: update.retailerCount,
    sessionCount: update.sessionCount,
    orderCount: update.orderCount,
    revenueVnd: update.revenueVnd,
  });
  return true;
}

/** 4,200,000,000 → "4,2 tỷ ₫" (vi) or "4.2 bn ₫" (en); smaller amounts in millions or in full. */
export function formatVnd(amount: number | null, language: 'vi' | 'en'): string {
  if (amount === null) return '—';
  const decimal = (value: number) => value.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  if (Math.abs(amount) >= 1e9) return `${decimal(amount / 1e9)} ${language === 'vi' ? 'tỷ' : 'bn'} ₫`;
  if (Math.abs(amount) >= 1e6) return `${decimal(amount / 1e6)} ${language === 'vi' ? 'triệu' : 'm'} ₫`;
  return `${decimal(amount)} ₫`;
}

/** The map label of a market: its orders and revenue, or its name alone where totals are hidden. */
export function marketLabel(market: MarketMark, language: 'vi' | 'en'): string {
  if (market.orderCount === null) return market.name;
  const orders = market.orderCount.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB');
  return `${market.name}\n${orders} ${language === 'vi' ? 'đơn' : 'orders'} · ${formatVnd(market.revenueVnd, language)}`;
}

/** Circle radius in pixels: grows with the square root of revenue so a market's area follows its sales. */
export function marketRadius(revenueVnd: number | null): number {
  if (!revenueVnd || revenueVnd <= 0) return 8;
  return Math.min(40, 8 + Math.sqrt(revenueVnd / 1e6));
}
