import { describe, expect, it } from 'vitest';
import { parseUnfilledList, UNFILLED_LIST_EXAMPLE } from '../../../shared/engine/soap-unfilled-list';

describe('parseUnfilledList (docs/DOMAIN.md §5: the List of Unfilled Programs released Monday)', () => {
  it('reads a CSV export by its header, keeping quoted names with commas', () => {
    const csv = `Program Code,Program Name,City,State,Unfilled Positions
1234440P0,"Mercy General Hospital, Surgery-Preliminary",Springfield,OH,2
2345440P0,Lakeside Community Hospital,Toledo,Ohio,1`;
    const r = parseUnfilledList(csv);
    expect(r.entries).toEqual([
      { nrmpCode: '1234440P0', name: 'Mercy General Hospital, Surgery-Preliminary', city: 'Springfield', state: 'OH', positions: 2, line: 2 },
      { nrmpCode: '2345440P0', name: 'Lakeside Community Hospital', city: 'Toledo', state: 'OH', positions: 1, line: 3 },
    ]);
    expect(r.unreadable).toEqual([]);
  });

  it('tolerates a messy paste: lower-case codes, spaces, dashes, tabs, titles, duplicates', () => {
    const messy = `List of Unfilled Programs 2027
 1234440p0   Mercy General Hospital   Springfield, OH   2
4567440P0 - Riverbend Medical Center - TX

garbage line here
1234440P0 Mercy again`;
    const r = parseUnfilledList(messy);
    expect(r.entries.map((e) => [e.nrmpCode, e.name, e.state, e.positions])).toEqual([
      ['1234440P0', 'Mercy General Hospital', 'OH', 2],
      ['4567440P0', 'Riverbend Medical Center', 'TX', null],
    ]);
    expect(r.duplicates).toEqual(['1234440P0']);
    expect(r.unreadable.map((u) => u.text)).toEqual(['List of Unfilled Programs 2027', 'garbage line here']);
  });

  it('reads space-aligned lines whose "City, ST" would look like a comma-separated table', () => {
    const r = parseUnfilledList('4219440P0  Finchridge General Hospital  Finchridge, OH  2\n8801440P0  Gulf Plains Community Hospital  Biloxi, MS  3');
    expect(r.entries.map((e) => [e.nrmpCode, e.name, e.city, e.state, e.positions])).toEqual([
      ['4219440P0', 'Finchridge General Hospital', 'Finchridge', 'OH', 2],
      ['8801440P0', 'Gulf Plains Community Hospital', 'Biloxi', 'MS', 3],
    ]);
  });

  it('reads tab-separated rows copied from a table', () => {
    const r = parseUnfilledList('5678440C0\tHighland Regional\tKY\t1\n6789440P0\tValley Medical\tAL\t3');
    expect(r.entries.map((e) => [e.nrmpCode, e.name, e.state, e.positions])).toEqual([
      ['5678440C0', 'Highland Regional', 'KY', 1],
      ['6789440P0', 'Valley Medical', 'AL', 3],
    ]);
  });

  it('leaves out other specialties and advanced/reserved tracks, saying why', () => {
    const r = parseUnfilledList('3456140P0 Some Internal Medicine Prelim\n3456440A0 Advanced thing\n3456440P0 Real Surgery Prelim');
    expect(r.entries.map((e) => e.nrmpCode)).toEqual(['3456440P0']);
    expect(r.otherPrograms.map((o) => o.why)).toEqual([expect.stringMatching(/specialty 140, not general surgery/), expect.stringMatching(/track A/)]);
  });

  it('finds nothing in text without codes', () => {
    const r = parseUnfilledList('hello\nworld');
    expect(r.entries).toEqual([]);
    expect(r.unreadable).toHaveLength(2);
  });

  it('reads the paste box\'s own example: one space-aligned line and one comma-separated line', () => {
    const r = parseUnfilledList(UNFILLED_LIST_EXAMPLE);
    expect(r.entries.map((e) => [e.nrmpCode, e.name, e.city, e.state, e.positions])).toEqual([
      ['1234440P0', 'Mercy General Hospital', 'Springfield', 'OH', 2],
      ['2345440C01', 'Lakeside Community Hospital', 'Toledo', 'OH', 1],
    ]);
    expect(r.unreadable).toEqual([]);
  });

  it('reads codes of 9 to 11 characters (docs/DOMAIN.md §2.2), not 7 or 12', () => {
    const r = parseUnfilledList('2264440P001 Calloway-Brandt Memorial Hospital TX\n2218440C01 Hopital Saint-Remy LA\n4219440 Wrenfield\n1234440P0001 Too long');
    expect(r.entries.map((e) => e.nrmpCode)).toEqual(['2264440P001', '2218440C01']);
    expect(r.unreadable).toHaveLength(2);
  });
});
