// Labels drawn beside a marker at x (offset markers, consumer positions) go on the first row where they do not
// touch a label already placed, so "log start 0" and "LSO 1" never print over each other.

/** Approximate advance of one character of the views' 11 px sans-serif labels, in SVG user units. */
export const LABEL_CHAR_WIDTH = 6.6;

export const labelWidth = (text: string, charWidth = LABEL_CHAR_WIDTH): number => text.length * charWidth;

/**
 * Row (0, 1, 2 …) for each label, in input order. A label spans [x, x + width]; rows are filled left to right in
 * order of x, each label taking the lowest row whose last label ends at least `gap` before it starts.
 */
export function labelRows(labels: ReadonlyArray<{ x: number; width: number }>, gap = 4): number[] {
  const order = labels.map((_, i) => i).sort((a, b) => labels[a].x - labels[b].x || a - b);
  const rowEnds: number[] = [];
  const rows = new Array<number>(labels.length).fill(0);
  for (const i of order) {
    const { x, width } = labels[i];
    let row = rowEnds.findIndex((end) => end + gap <= x);
    if (row < 0) {
      row = rowEnds.length;
      rowEnds.push(0);
    }
    rowEnds[row] = x + width;
    rows[i] = row;
  }
  return rows;
}

/**
 * A record key short enough for a log cell: whole up to `max` characters, else its start and its end around an
 * ellipsis, so keys that differ only at the end (customer-17, customer-18) stay distinguishable.
 */
export function abbreviateKey(key: string, max = 6): string {
  if (key.length <= max) return key;
  const tail = Math.ceil((max - 1) / 2);
  return `${key.slice(0, max - 1 - tail)}…${key.slice(-tail)}`;
}

/**
 * A record key laid out for a log cell: whole on one line up to `perLine` characters, whole on two lines up to twice
 * that (broken after a separator near the middle when there is one: customer- / 17), and only a longer key loses its
 * middle (start on the first line, the distinguishing end on the second). The cell's accessible name has the key whole.
 */
export function keyLines(key: string, perLine = 9): string[] {
  if (key.length <= perLine) return [key];
  if (key.length <= perLine * 2) {
    let cut = -1;
    for (let i = key.length - perLine; i <= perLine; i++) if (/[-_.:/@ ]/.test(key[i - 1] ?? '')) cut = i;
    if (cut < 0) cut = Math.ceil(key.length / 2);
    return [key.slice(0, cut), key.slice(cut)];
  }
  return [key.slice(0, perLine), `…${key.slice(-(perLine - 1))}`];
}
