// money(): whole dollars are grouped without Intl (a page's first Intl number format is slow);
// every amount must read exactly as toLocaleString('en-US') writes it.
import { describe, expect, it } from 'vitest';
import { money } from '../../renderer/components/format';

describe('money', () => {
  it('writes every amount as toLocaleString("en-US") does, whole or not', () => {
    const amounts = [0, -0, 1, 7, 12, 99, 100, 999, 1000, 1250, 12_345, 100_000, 1_234_567, 9_007_199_254_740_991, 1e20, -1, -1000, -1_234_567, 0.5, 12.5, 1250.75, 0.1 + 0.2, 1234.5678, -99.99, 1e21, 1e25];
    for (const n of amounts) expect({ n, text: money(n) }).toEqual({ n, text: `$${n.toLocaleString('en-US')}` });
  });

  it('groups thousands with commas', () => {
    expect(money(1250)).toBe('$1,250');
    expect(money(1_234_567)).toBe('$1,234,567');
    expect(money(-1000)).toBe('$-1,000');
  });
});
