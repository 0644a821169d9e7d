import { describe, expect, it } from 'vitest';
import { filterWords, RowSearch } from '../../renderer/screens/programs/row-search';

interface Row {
  id: number;
  group: number;
  text: string;
}

/** The plain definition: every word of the filter is in the row's text, rows in list order. */
const naive = (rows: Row[], filter: string) => rows.filter((r) => filterWords(filter).every((w) => r.text.includes(w)));

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['cedar', 'ridge', 'cedarville', 'ridgeway', 'mercy', 'saint', 'st', 'ca', 'tx', 'prelim', 'categorical', '1234440p0'];

function rowsFor(rand: () => number, n: number): Row[] {
  return Array.from({ length: n }, (_, id) => ({
    id,
    group: Math.floor(id / 2),
    text: Array.from({ length: 1 + Math.floor(rand() * 4) }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' '),
  }));
}

describe('RowSearch', () => {
  it('keeps exactly the rows holding every word, in list order, over typed, deleted and retyped filters', () => {
    const rand = random(20261129);
    const rows = rowsFor(rand, 400);
    const search = new RowSearch(rows, (r) => r.text, (r) => r.group);
    // Typing and deleting letter by letter, then jumps (paste, select-all + type), repeated so
    // remembered results and narrowing are both used.
    const typed = ['cedar ri', 'mercy st', 'ridge', 'cedarville tx', 'saint  ca', '1234440P0', 'CEDAR'];
    const filters: string[] = [];
    for (const t of typed) {
      for (let i = 1; i <= t.length; i++) filters.push(t.slice(0, i));
      for (let i = t.length - 1; i >= 0; i--) filters.push(t.slice(0, i));
    }
    for (let i = 0; i < 200; i++) filters.push(typed[Math.floor(rand() * typed.length)]!.slice(0, 1 + Math.floor(rand() * 6)));
    let checked = 0;
    for (const f of filters) {
      const expected = naive(rows, f);
      const got = search.match(f);
      expect(got.rows.map((r) => r.id), `filter "${f}"`).toEqual(expected.map((r) => r.id));
      expect(got.groups).toBe(new Set(expected.map((r) => r.group)).size);
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('does not take a remembered result for a filter that is not narrower ("cedarville" does not narrow to "cedar ridge")', () => {
    const rows: Row[] = [
      { id: 1, group: 1, text: 'cedarville' },
      { id: 2, group: 2, text: 'cedar ridge' },
      { id: 3, group: 3, text: 'ridge cedarville' },
    ];
    const search = new RowSearch(rows, (r) => r.text);
    expect(search.match('cedarville').rows.map((r) => r.id)).toEqual([1, 3]);
    // "cedar ridge" is not narrower than "cedarville": row 2 must come back.
    expect(search.match('cedar ridge').rows.map((r) => r.id)).toEqual([2, 3]);
    expect(search.match('ridge cedarvi').rows.map((r) => r.id)).toEqual([3]);
  });

  it('gives back the whole list (the same array) for an empty or blank filter', () => {
    const rows: Row[] = [{ id: 1, group: 1, text: 'a' }];
    const search = new RowSearch(rows, (r) => r.text);
    expect(search.match('').rows).toBe(rows);
    expect(search.match('   ').rows).toBe(rows);
  });
});
