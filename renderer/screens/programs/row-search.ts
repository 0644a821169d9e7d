// Text search over one list of rows, built for typing: each row's search text is made once per
// list, and a keystroke costs at most one pass over the rows the previous filter kept.
// - The filter's words must all appear in a row's text (case-insensitive).
// - Results of recent filters are remembered, so Backspace (back to a filter typed before)
//   costs nothing.
// - A filter that only adds to a remembered one (each of that one's words is part of one of
//   the new words: "ced" → "cedar", "cedar" → "cedar ri") can only keep fewer rows, so only
//   that one's rows are searched.

const REMEMBERED = 24;

export interface SearchResult<R> {
  rows: readonly R[];
  /** How many different groups (e.g. institutions) the rows belong to. */
  groups: number;
}

/** The filter's words, lower-case; none for an empty or blank filter. */
export function filterWords(filter: string): string[] {
  return filter.toLowerCase().split(/\s+/).filter(Boolean);
}

/** True when every row matching `narrower` also matches `wider` (each wider word lies inside a narrower word). */
function narrows(narrower: readonly string[], wider: readonly string[]): boolean {
  return wider.every((w) => narrower.some((n) => n.includes(w)));
}

export class RowSearch<R> {
  private readonly texts: string[];
  private readonly remembered = new Map<string, { words: string[]; indexes: readonly number[]; result: SearchResult<R> }>();
  private readonly all: SearchResult<R>;

  constructor(
    private readonly rows: readonly R[],
    /** The row's search text, already lower-case. */
    text: (row: R) => string,
    private readonly groupOf: (row: R) => unknown = () => null,
  ) {
    this.texts = rows.map(text);
    this.all = { rows, groups: this.countGroups(rows) };
  }

  /** The rows (in list order) whose text holds every word of `filter`. */
  match(filter: string): SearchResult<R> {
    const words = filterWords(filter);
    if (words.length === 0) return this.all;
    const key = words.join(' ');
    const hit = this.remembered.get(key);
    if (hit) {
      // Most recently used last, so the oldest is the one forgotten.
      this.remembered.delete(key);
      this.remembered.set(key, hit);
      return hit.result;
    }
    let candidates: readonly number[] | null = null;
    for (const entry of this.remembered.values()) {
      if ((candidates === null || entry.indexes.length < candidates.length) && narrows(words, entry.words)) candidates = entry.indexes;
    }
    const indexes: number[] = [];
    const test = (i: number) => {
      const text = this.texts[i]!;
      for (const w of words) if (!text.includes(w)) return;
      indexes.push(i);
    };
    if (candidates) for (const i of candidates) test(i);
    else for (let i = 0; i < this.texts.length; i++) test(i);
    const rows = indexes.map((i) => this.rows[i]!);
    const result = { rows, groups: this.countGroups(rows) };
    this.remembered.set(key, { words, indexes, result });
    if (this.remembered.size > REMEMBERED) this.remembered.delete(this.remembered.keys().next().value!);
    return result;
  }

  private countGroups(rows: readonly R[]): number {
    const seen = new Set<unknown>();
    for (const r of rows) seen.add(this.groupOf(r));
    return seen.size;
  }
}
