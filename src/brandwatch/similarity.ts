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

/**
 * Myers' bit-parallel form of `approximateSubstringDistance` for an ASCII pattern of at most 31
 * characters: one pass of a few word operations per text character. Other patterns fall back.
 */
export function substringDistanceMatcher(pattern: string): (text: string, limit: number) => number {
  const m = pattern.length;
  if (m === 0 || m > 31 || /[^\0-\x7f]/.test(pattern)) {
    return (text, limit) => approximateSubstringDistance(pattern, text, limit);
  }
  const peq = new Int32Array(128);
  for (let i = 0; i < m; i++) peq[pattern.charCodeAt(i)] = (peq[pattern.charCodeAt(i)] ?? 0) | (1 << i);
  const high = 1 << (m - 1);
  return (text, limit) => {
    let pv = -1;
    let mv = 0;
    let score = m;
    let best = m;
    for (let j = 0; j < text.length; j++) {
      const c = text.charCodeAt(j);
      const eq = c < 128 ? (peq[c] ?? 0) : 0;
      const xv = eq | mv;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if (ph & high) score++;
      else if (mh & high) score--;
      ph <<= 1; // a match may start anywhere: the top row stays 0
      mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
      if (score < best) {
        best = score;
        if (best === 0) return 0;
      }
    }
    return best <= limit ? best : limit + 1;
  };
}

let row = new Int32Array(64);

/**
 * min over prefixes (fromEnd: suffixes) t' of text of editDistance(pattern, t'): a match
 * anchored at the start (end) of the text.
 */
export function anchoredAtDistance(pattern: string, text: string, fromEnd: boolean): number {
  const m = pattern.length;
  const n = text.length;
  if (row.length < m + 1) row = new Int32Array(m + 1);
  const col = row;
  for (let i = 0; i <= m; i++) col[i] = i;
  let best = col[m] ?? m;
  for (let j = 0; j < n; j++) {
    const tc = text.charCodeAt(fromEnd ? n - 1 - j : j);
    let diag = col[0] ?? 0;
    col[0] = j + 1;
    for (let i = 1; i <= m; i++) {
      const up = col[i] ?? 0;
      const pc = pattern.charCodeAt(fromEnd ? m - i : i - 1);
      const v = Math.min(up + 1, (col[i - 1] ?? 0) + 1, diag + (pc === tc ? 0 : 1));
      diag = up;
      col[i] = v;
    }
    best = Math.min(best, col[m] ?? m);
  }
  return best;
}

export function prefixDistance(pattern: string, text: string): number {
  return anchoredAtDistance(pattern, text, false);
}

/** The best edit distance of a pattern to a stretch of text that starts or ends a token. */
export function anchoredDistance(pattern: string, text: string): number {
  return Math.min(anchoredAtDistance(pattern, text, false), anchoredAtDistance(pattern, text, true));
}

/** Edits a brand of this skeleton length may differ by and still score at least `threshold`. */
export function allowedEdits(length: number, threshold: number): number {
  return Math.max(0, Math.floor(length * (1 - threshold) + 1e-9));
}

export function similarityScore(distance: number, length: number): number {
  return Math.round((1 - distance / length) * 100) / 100;
}
