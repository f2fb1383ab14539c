// Hand-rolled SVG stacked bars: records touched per 10-minute bucket, one colour per actor.
// Each bar has a <title> for hover and screen readers; the figure has a text summary.
import { useI18n } from '../i18n.ts';

export interface Bucket {
  start: string;
  actor: string;
  records: number;
  events: number;
}

const COLOURS = ['#c0392b', '#2471a3', '#7d3c98', '#d68910', '#138d75', '#566573'];

export function TimelineChart({ buckets }: { buckets: Bucket[] }) {
  const { t, fmtTime, fmtNum } = useI18n();
  if (buckets.length === 0) return <p>{t('noData')}</p>;
  const actors = [...new Set(buckets.map((b) => b.actor))];
  const starts = [...new Set(buckets.map((b) => b.start))].sort();
  const totals = new Map<string, number>();
  for (const b of buckets) totals.set(b.start, (totals.get(b.start) ?? 0) + b.records);
  const max = Math.max(1, ...totals.values());
  const width = 960;
  const height = 220;
  const pad = 40;
  const barW = Math.max(1, (width - pad * 2) / starts.length - 1);
  const x = (i: number) => pad + i * ((width - pad * 2) / starts.length);
  const y = (v: number) => height - pad - (v / max) * (height - pad * 2);
  const total = buckets.reduce((n, b) => n + b.records, 0);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${t('timeline')}: ${fmtNum(total)}`}>
        <line x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} stroke="#888" />
        <text x={pad - 4} y={y(max) + 4} textAnchor="end" fontSize="11">
          {fmtNum(max)}
        </text>
        <text x={pad - 4} y={height - pad} textAnchor="end" fontSize="11">
          0
        </text>
        {starts.map((s, i) => {
          let base = 0;
          return actors.map((a, ai) => {
            const b = buckets.find((k) => k.start === s && k.actor === a);
            if (!b || b.records === 0) return null;
            const top = y(base + b.records);
            const h = y(base) - top;
            base += b.records;
            return (
              <rect key={`${s}-${a}`} x={x(i)} y={top} width={barW} height={Math.max(1, h)} fill={COLOURS[ai % COLOURS.length]}>
                <title>{`${fmtTime(s)} ${a}: ${fmtNum(b.records)}`}</title>
              </rect>
            );
          });
        })}
        <text x={pad} y={height - 12} fontSize="11">
          {fmtTime(starts[0] ?? null)}
        </text>
        <text x={width - pad} y={height - 12} fontSize="11" textAnchor="end">
          {fmtTime(starts.at(-1) ?? null)}
        </text>
      </svg>
      <figcaption>
        {actors.map((a, i) => (
          <span key={a} className="legend">
            <span className="swatch" style={{ background: COLOURS[i % COLOURS.length] }} />
            {a}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
