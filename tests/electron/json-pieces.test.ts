// The host's answers go out in pieces (electron/web/json-pieces.ts): joined they must be
// exactly what JSON.stringify makes of the same value.
import { describe, expect, it } from 'vitest';
import { jsonChunks, jsonPieces } from '../../electron/web/json-pieces';

class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
}

const values: unknown[] = [
  null,
  0,
  'text with "quotes", \\ and é, 日本, \u2028',
  [],
  {},
  [1, undefined, () => 1, Symbol('s'), null, 'a', [2, [3]], { b: undefined }],
  { a: undefined, f: () => 1, s: Symbol('s'), n: null, nested: { deeper: { deepest: { x: [1, { y: undefined }] } } } },
  { ok: true, value: { today: '2026-11-30', programs: Array.from({ length: 3000 }, (_, i) => ({ id: i, name: `Program ${i}`, tags: ['a'], gone: undefined })) } },
  { date: new Date(Date.UTC(2026, 10, 30)), map: new Map([[1, 2]]), point: new Point(1, 2), custom: { toJSON: () => ({ replaced: true }) } },
  Object.assign(Object.create(null) as object, { bare: 1, list: [Object.assign(Object.create(null) as object, { x: 1 })] }),
  [new Date(0), NaN, Infinity, -0],
];

describe('JSON answers in pieces', () => {
  it.each(values.map((v) => [v]))('joined, the pieces and the chunks are JSON.stringify of %#', (value) => {
    expect([...jsonPieces(value)].join('')).toBe(JSON.stringify(value));
    expect([...jsonChunks(value, 100)].join('')).toBe(JSON.stringify(value));
  });

  it('cuts a large answer into chunks of about the size asked, and a small one into one', () => {
    const large = { ok: true, value: Array.from({ length: 20000 }, (_, i) => `row ${i}`) };
    const chunks = [...jsonChunks(large, 1 << 14)];
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.slice(0, -1).every((c) => c.length >= 1 << 14 && c.length < (1 << 14) + 100)).toBe(true);
    expect([...jsonChunks({ ok: true, value: 'small' })]).toEqual(['{"ok":true,"value":"small"}']);
  });
});
