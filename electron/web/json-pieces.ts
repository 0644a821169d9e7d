// Answers as JSON in pieces. The Programs screen's table at 50,000 programs is ~80 MB of
// JSON: made as one string (then one Buffer of it, to send), it took ~160 MB for a moment,
// and V8 keeps a heap that grew that way. Here the answer is walked down to its arrays, each
// element is turned into JSON on its own, and the text goes out in chunks of ~64 KB.

/** Objects less deep than this are walked into key by key; an array's elements are stringified one by one. */
const WALK_DEPTH = 3;

/** Plain objects and arrays only: anything else (a Date, a Map…) is left to JSON.stringify. */
function walkable(value: unknown): value is Record<string, unknown> | unknown[] {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/**
 * The JSON text of `value` in pieces: joined, they are exactly `JSON.stringify(value)` (a value
 * JSON cannot represent gives 'null' in an array and no key in an object, as there).
 */
export function* jsonPieces(value: unknown, depth = 0): Generator<string, void, undefined> {
  if (depth >= WALK_DEPTH || !walkable(value)) {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) yield `${i > 0 ? ',' : ''}${JSON.stringify(value[i]) ?? 'null'}`;
    yield ']';
    return;
  }
  let first = true;
  yield '{';
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* jsonPieces(v, depth + 1);
  }
  yield '}';
}

/** The pieces gathered into chunks of at least `size` characters (the last one may be shorter). */
export function* jsonChunks(value: unknown, size = 1 << 16): Generator<string, void, undefined> {
  let chunk = '';
  for (const piece of jsonPieces(value)) {
    chunk += piece;
    if (chunk.length >= size) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}
