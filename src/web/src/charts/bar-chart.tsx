// Horizontal SVG bars for label → count (affected by jurisdiction), largest first.
import { useI18n } from '../i18n.ts';

export function BarChart({ data, label }: { data: Record<string, number>; label: string }) {
  const { t, fmtNum } = useI18n();
  const rows = Object.entries(data).sort((a, b) => b[1] - a[1]);
  if (rows.length === 0) return <p>{t('noData')}</p>;
  const max = Math.max(1, ...rows.map((r) => r[1]));
  const rowH = 26;
  const width = 320;
  return (
    <svg viewBox={`0 0 ${width} ${rows.length * rowH + 4}`} role="img" aria-label={label} className="chart bars">
      {rows.map(([k, v], i) => (
        <g key={k} transform={`translate(0 ${i * rowH})`}>
          <text x="0" y="17" fontSize="13">
            {k}
          </text>
          <rect x="56" y="4" height="18" width={Math.max(2, ((width - 130) * v) / max)} fill="#2471a3">
            <title>{`${k}: ${fmtNum(v)}`}</title>
          </rect>
          <text x={62 + ((width - 130) * v) / max} y="17" fontSize="13">
            {fmtNum(v)}
          </text>
        </g>
      ))}
    </svg>
  );
}
