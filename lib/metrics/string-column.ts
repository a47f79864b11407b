/**
 * Many short strings stored as one: their concatenation and where each ends. Stored columns hold
 * 100,000 dates or person names this way because IndexedDB (structured clone) copies one string and
 * one typed array far faster than 100,000 separate strings, each a separate object (bench/README.md).
 */
export interface StringColumn {
  text: string;
  /** String i is text[end[i − 1] … end[i]) (from 0 for i = 0). */
  end: Int32Array;
}

/** null and undefined are stored as '' (the readers treat both alike). */
export function stringColumn(values: readonly (string | null | undefined)[]): StringColumn {
  const end = new Int32Array(values.length);
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    at += values[i]?.length ?? 0;
    end[i] = at;
  }
  return { text: values.map((v) => v ?? '').join(''), end };
}

export function stringAt(col: StringColumn, i: number): string {
  return col.text.slice(i > 0 ? col.end[i - 1]! : 0, col.end[i]!);
}
