import { describe, expect, it } from 'vitest';
import { applyMarketUpdate, formatVnd, marketLabel, marketRadius, type MarketMark } from '../src/markets/marketModel';
import { addLive, toColumns } from '../src/markets/ordersPerMinute';

const benThanh: MarketMark = { id: 'store-cho-ben-thanh', name: 'Chợ Bến Thành', lon: 106.698, lat: 10.772, retailerCount: 12, sessionCount: 77, orderCount: 18_000, revenueVnd: 4_100_000_000 };

describe('markets', () => {
  it('applies a live update to a known market and ignores an unknown one', () => {
    const markets = new Map([[benThanh.id, benThanh]]);
    expect(applyMarketUpdate(markets, { marketId: benThanh.id, retailerCount: 12, sessionCount: 77, orderCount: 18_200, revenueVnd: 4_200_000_000 })).toBe(true);
    expect(markets.get(benThanh.id)?.orderCount).toBe(18_200);
    expect(applyMarketUpdate(markets, { marketId: 'other', retailerCount: 1, sessionCount: 1, orderCount: 1, revenueVnd: 1 })).toBe(false);
    expect(markets.size).toBe(1);
  });

  it('writes revenue in billions of dong in both languages', () => {
    expect(formatVnd(4_200_000_000, 'vi')).toBe('4,2 tỷ ₫');
    expect(formatVnd(4_200_000_000, 'en')).toBe('4.2 bn ₫');
    expect(formatVnd(null, 'en')).toBe('—');
  });

  it('labels a market with hidden totals by its name only', () => {
    expect(marketLabel({ ...benThanh, orderCount: null, revenueVnd: null }, 'en')).toBe('Chợ Bến Thành');
    expect(marketLabel(benThanh, 'en')).toContain('18,000 orders');
  });

  it('grows the circle with revenue, within bounds', () => {
    expect(marketRadius(null)).toBe(8);
    expect(marketRadius(4_200_000_000)).toBeGreaterThan(marketRadius(100_000_000));
    expect(marketRadius(1e15)).toBe(40);
  });

  it('turns query minutes into sorted uPlot columns and adds live orders to the current minute', () => {
    const columns = toColumns([{ minute: '2026-11-10T01:01:00Z', orders: 3 }, { minute: '2026-11-10T01:00:00Z', orders: 5 }]);
    expect(columns).toEqual([[1794272400, 1794272460], [5, 3]]);
    const same = addLive(columns, Date.parse('2026-11-10T01:01:30Z'), 10, 14);
    expect(same[1]).toEqual([5, 7]);
    const next = addLive(same, Date.parse('2026-11-10T01:02:05Z'), 14, 15);
    expect(next[0].length).toBe(3);
    expect(addLive(next, Date.now(), 15, 12)).toBe(next);
  });
});
