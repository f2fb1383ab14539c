// Splits one CSV record held on one line (RFC 4180 quoting, `""` for a quote inside quotes).
// Line-oriented log formats (Salesforce event log files) never break a record across lines,
// so a whole-file CSV parser is not needed here. Pure; returns undefined on unbalanced quotes.

export function splitCsvLine(line: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    if (i < n && line.charCodeAt(i) === 34 /* " */) {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) return undefined;
        value += line.slice(i, q);
        if (line.charCodeAt(q + 1) === 34) {
          value += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      out.push(value);
      if (i < n && line.charCodeAt(i) !== 44 /* , */) return undefined;
    } else {
      const c = line.indexOf(',', i);
      const end = c < 0 ? n : c;
      const cell = line.slice(i, end);
      if (cell.includes('"')) return undefined;
      out.push(cell);
      i = end;
    }
    if (i >= n) return out;
    i++; // the comma
    if (i === n) {
      out.push('');
      return out;
    }
  }
}
