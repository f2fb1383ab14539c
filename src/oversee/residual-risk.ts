// Residual risk = inherent risk × control weakness, then raised by continuous signals; every step
// is a line of text an analyst can check by hand. Pure.
import type { Signal } from './signals.ts';

export interface ResidualRisk {
  inherent: number;
  assessment_score: number | null;
  control_weakness: number;
  base: number;
  signal_points: number;
  residual: number;
  lines: string[];
}

/** A perfect questionnaire never erases inherent risk: weakness has a floor. */
export const WEAKNESS_FLOOR = 0.1;
const r1 = (n: number) => Math.round(n * 10) / 10;

export function residualRisk(inherent: number, tier: string, score: number | null, signals: readonly Signal[]): ResidualRisk {
  const lines = [`inherent risk ${inherent} (tier ${tier}) from the inventory`];
  let weakness: number;
  if (score === null) {
    weakness = 1;
    lines.push('no scored assessment: control weakness 1 (unassessed controls count as absent)');
  } else {
    weakness = Math.max(WEAKNESS_FLOOR, Math.round((1 - score / 100) * 1000) / 1000);
    lines.push(`latest assessment scored ${score}%: control weakness = max(${WEAKNESS_FLOOR}, 1 − ${score}/100) = ${weakness}`);
  }
  const base = r1(inherent * weakness);
  lines.push(`residual before signals = ${inherent} × ${weakness} = ${base}`);
  let points = 0;
  const beyondCap = new Map<string, number>();
  for (const s of signals) {
    points += s.points;
    if (s.points === 0) beyondCap.set(s.kind, (beyondCap.get(s.kind) ?? 0) + 1);
    else lines.push(`+${s.points} ${s.kind}: ${s.reason}`);
  }
  for (const [kind, n] of beyondCap) lines.push(`+0 ${kind}: ${n} more beyond the cap (listed under signals)`);
  const residual = Math.min(100, r1(base + points));
  lines.push(`residual risk = min(100, ${base} + ${r1(points)}) = ${residual}`);
  return { inherent, assessment_score: score, control_weakness: weakness, base, signal_points: r1(points), residual, lines };
}
