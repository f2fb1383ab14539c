// Near-miss scoring: the smallest edit distance between a brand's skeleton and any stretch of a
// candidate's skeleton (Sellers' approximate substring match), with a pigeonhole pre-filter so
// that most names are rejected by a few `includes` calls. Pure.

/** The pieces of a pattern: a text within k edits of it must contain one of k+1 pieces. */
export function pigeonholePieces(pattern: string, k: number): string[] {
  const n = k + 1;
  const size = Math.floor(pattern.length / n);
  const pieces: string[] = [];
  for (let i = 0; i < n; i++) {
    pieces.push(pattern.slice(i * size, i === n - 1 ? pattern.length : (i + 1) * size));
  }
  return pieces.filter((p) => p.length > 0);
}

let column = new Int32Array(64);

/** min over substrings t' of text of editDistance(pattern, t'); stops early above `limit`. */
export function approximateSubstringDistance(pattern: string, text: string, limit: number): number {
  const m = pattern.length;
  if (m === 0) return 0;
  if (column.length < m + 1) column = new Int32Array(m + 1);
  const col = column;
  for (let i = 0; i <= m; i++) col[i] = i;
  let best = m;
  for (let j = 0; j < text.length; j++) {
    const tc = text.charCodeAt(j);
    let diag = 0; // C[i-1][j-1], with C[0][*] = 0: a match may start anywhere
    col[0] = 0;
    for (let i = 1; i <= m; i++) {
      const up = col[i] ?? 0; // C[i][j-1]
      const cost = pattern.charCodeAt(i - 1) === tc ? 0 : 1;
      const v = Math.min(up + 1, (col[i - 1] ?? 0) + 1, diag + cost);
      diag = up;
      col[i] = v;
    }
    const last = col[m] ?? m;
    if (last < best) {
      best = last;
      if (best === 0) return 0;
    }
  }
  return best <= limit ? best : limit + 1;
}

let row = new Int32Array(64);

/** min over prefixes t' of text of editDistance(pattern, t'): a match anchored at the start. */
export function prefixDistance(pattern: string, text: string): number {
  const m = pattern.length;
  if (row.length < m + 1) row = new Int32Array(m + 1);
  const col = row;
  for (let i = 0; i <= m; i++) col[i] = i;
  let best = col[m] ?? m;
  for (let j = 0; j < text.length; j++) {
    const tc = text.charCodeAt(j);
    let diag = col[0] ?? 0;
    col[0] = j + 1;
    for (let i = 1; i <= m; i++) {
      const up = col[i] ?? 0;
      const v = Math.min(up + 1, (col[i - 1] ?? 0) + 1, diag + (pattern.charCodeAt(i - 1) === tc ? 0 : 1));
      diag = up;
      col[i] = v;
    }
    best = Math.min(best, col[m] ?? m);
  }
  return best;
}

const reverse = (s: string) => [...s].reverse().join('');

/** The best edit distance of a pattern to a stretch of text that starts or ends a token. */
export function anchoredDistance(pattern: string, text: string): number {
  return Math.min(prefixDistance(pattern, text), prefixDistance(reverse(pattern), reverse(text)));
}

/** Edits a brand of this skeleton length may differ by and still score at least `threshold`. */
export function allowedEdits(length: number, threshold: number): number {
  return Math.max(0, Math.floor(length * (1 - threshold) + 1e-9));
}

export function similarityScore(distance: number, length: number): number {
  return Math.round((1 - distance / length) * 100) / 100;
}
