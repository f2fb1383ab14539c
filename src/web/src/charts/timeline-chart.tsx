// Hand-rolled SVG stacked bars on a time axis: records touched per 10-minute slot, one colour
// per actor. Each bar has a <title> for hover and screen readers; the legend names the actors.
import { useI18n } from '../i18n.ts';

export interface Bucket {
  start: string;
  actor: string;
  records: number;
  events: number;
}

const COLOURS = ['#c0392b', '#2471a3', '#7d3c98', '#d68910', '#138d75', '#566573'];
const SLOT_MS = 10 * 60_000;
const MIN_SLOTS = 18; // a short burst still reads as bars on a three-hour axis

export function TimelineChart({ buckets }: { buckets: Bucket[] }) {
  const { t, fmtTime, fmtNum } = useI18n();
  if (buckets.length === 0) return <p>{t('noData')}</p>;
  const actors = [...new Set(buckets.map((b) => b.actor))];
  const times = buckets.map((b) => Date.parse(b.start));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const slots = Math.max(MIN_SLOTS, Math.round((last - first) / SLOT_MS) + 1);
  const from = first - Math.floor((slots - 1 - Math.round((last - first) / SLOT_MS)) / 2) * SLOT_MS;
  const totals = new Map<number, number>();
  for (const b of buckets) totals.set(Date.parse(b.start), (totals.get(Date.parse(b.start)) ?? 0) + b.records);
  const max = Math.max(1, ...totals.values());
  const width = 960;
  const height = 220;
  const pad = 48;
  const slotW = (width - pad * 2) / slots;
  const x = (ms: number) => pad + ((ms - from) / SLOT_MS) * slotW;
  const y = (v: number) => height - pad - (v / max) * (height - pad * 2);
  const stackBase = new Map<number, number>();
  const total = buckets.reduce((n, b) => n + b.records, 0);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${t('timeline')}: ${fmtNum(total)}`}>
        <line x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} stroke="#888" />
        <line x1={pad} y1={y(max)} x2={width - pad} y2={y(max)} stroke="#ddd" />
        <text x={pad - 6} y={y(max) + 4} textAnchor="end" fontSize="12">
          {fmtNum(max)}
        </text>
        <text x={pad - 6} y={height - pad + 4} textAnchor="end" fontSize="12">
          0
        </text>
        {[...buckets]
          .sort((a, b) => actors.indexOf(a.actor) - actors.indexOf(b.actor))
          .map((b) => {
            const ms = Date.parse(b.start);
            const base = stackBase.get(ms) ?? 0;
            stackBase.set(ms, base + b.records);
            if (b.records === 0) return null;
            const top = y(base + b.records);
            return (
              <rect key={`${b.start}-${b.actor}`} x={x(ms) + 1} y={top} width={Math.max(2, slotW - 2)} height={Math.max(1, y(base) - top)} fill={COLOURS[actors.indexOf(b.actor) % COLOURS.length]}>
                <title>{`${fmtTime(b.start)} ${b.actor}: ${fmtNum(b.records)}`}</title>
              </rect>
            );
          })}
        <text x={pad} y={height - 18} fontSize="12">
          {fmtTime(new Date(from).toISOString())}
        </text>
        <text x={width - pad} y={height - 18} fontSize="12" textAnchor="end">
          {fmtTime(new Date(from + slots * SLOT_MS).toISOString())}
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
