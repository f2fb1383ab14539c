// A live countdown to a deadline (updates every 30 s); overdue shows in red.
import { useEffect, useState } from 'react';
import { useI18n } from './i18n.ts';

export function Countdown({ deadline }: { deadline: string | null }) {
  const { t, lang } = useI18n();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(id);
  }, []);
  if (!deadline) return <span>—</span>;
  const ms = Date.parse(deadline) - now;
  const mins = Math.floor(Math.abs(ms) / 60_000);
  const d = Math.floor(mins / 1440);
  const h = Math.floor((mins % 1440) / 60);
  const m = mins % 60;
  const text = lang === 'ja' ? `${d}日 ${h}時間 ${m}分` : `${d}d ${h}h ${m}m`;
  return <span className={ms < 0 ? 'overdue' : 'countdown'}>{ms < 0 ? `${t('overdue')} ${text}` : text}</span>;
}
