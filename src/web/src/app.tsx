// The dashboard shell: who is logged in, the language switch, the navigation (only the pages
// the role may open; the server enforces the same), and the page for the current path.
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { api, get, setCsrf } from './api.ts';
import { I18nContext, initialLang, type Key, type Lang, makeI18n } from './i18n.ts';
import { AlertPage, AlertsPage } from './pages/alerts.tsx';
import { AuditPage } from './pages/audit.tsx';
import { BrandwatchPage } from './pages/brandwatch.tsx';
import { CustomersPage } from './pages/customers.tsx';
import { IncidentPage } from './pages/incident.tsx';
import { IncidentsPage } from './pages/incidents.tsx';
import { LoginPage } from './pages/login.tsx';
import { OverviewPage } from './pages/overview.tsx';
import { VendorsPage } from './pages/vendors.tsx';
import { VendorOversightPage } from './oversee/vendor-oversight.tsx';
import { Link, navigate, usePath } from './router.tsx';
import type { Me } from './types.ts';

const READ = ['admin', 'analyst', 'privacy', 'auditor'];
const NAV: Array<{ to: string; key: Key; roles: string[] }> = [
  { to: '/', key: 'overview', roles: READ },
  { to: '/incidents', key: 'incidents', roles: READ },
  { to: '/alerts', key: 'alerts', roles: READ },
  { to: '/vendors', key: 'vendors', roles: READ },
  { to: '/customers', key: 'customers', roles: ['admin', 'privacy', 'analyst'] },
  { to: '/audit', key: 'audit', roles: ['admin', 'auditor'] },
  { to: '/brandwatch', key: 'brandwatch', roles: READ },
];

function page(path: string, me: Me): ReactNode {
  const seg = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (seg[0] === 'incidents' && seg[1]) return <IncidentPage id={seg[1]} canDraft={['admin', 'privacy'].includes(me.role)} />;
  if (seg[0] === 'vendors' && seg[1]) return <VendorOversightPage id={seg[1]} />;
  if (seg[0] === 'alerts' && seg[1]) return <AlertPage id={seg[1]} canRespond={['admin', 'analyst'].includes(me.role)} />;
  switch (seg[0]) {
    case undefined:
      return <OverviewPage />;
    case 'incidents':
      return <IncidentsPage />;
    case 'alerts':
      return <AlertsPage />;
    case 'vendors':
      return <VendorsPage />;
    case 'customers':
      return <CustomersPage />;
    case 'audit':
      return <AuditPage />;
    case 'brandwatch':
      return <BrandwatchPage />;
    default:
      return <p>404</p>;
  }
}

export function App() {
  const [lang, setLangState] = useState<Lang>(initialLang());
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const path = usePath();
  const i18n = useMemo(
    () =>
      makeI18n(lang, (l) => {
        localStorage.setItem('warden.lang', l);
        setLangState(l);
      }),
    [lang],
  );
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  useEffect(() => {
    get<Me>('/api/me').then(
      (m) => {
        setCsrf(m.csrf);
        setMe(m);
      },
      () => setMe(null),
    );
    const onUnauth = () => setMe(null);
    window.addEventListener('warden:unauthenticated', onUnauth);
    return () => window.removeEventListener('warden:unauthenticated', onUnauth);
  }, []);
  const logout = async () => {
    await api('POST', '/api/logout').catch(() => {});
    setCsrf(null);
    setMe(null);
    navigate('/');
  };
  const langButton = (
    <button type="button" className="lang" lang={lang === 'en' ? 'ja' : 'en'} onClick={() => i18n.setLang(lang === 'en' ? 'ja' : 'en')} aria-label={i18n.t('language')}>
      {i18n.t('switchLang')}
    </button>
  );
  return (
    <I18nContext.Provider value={i18n}>
      <a className="skip" href="#main">
        {i18n.t('skip')}
      </a>
      <header>
        <strong className="brand">Warden</strong>
        {me && (
          <nav aria-label="main">
            {NAV.filter((n) => n.roles.includes(me.role)).map((n) => (
              <Link key={n.to} to={n.to} current={n.to === '/' ? path === '/' : path.startsWith(n.to)}>
                {i18n.t(n.key)}
              </Link>
            ))}
          </nav>
        )}
        <span className="spacer" />
        {langButton}
        {me && (
          <>
            <span className="who">
              {me.username} ({me.role})
            </span>
            <button type="button" onClick={() => void logout()}>
              {i18n.t('logout')}
            </button>
          </>
        )}
      </header>
      <main id="main">{me === undefined ? <p>{i18n.t('loading')}</p> : me === null ? <LoginPage onLogin={setMe} /> : page(path, me)}</main>
    </I18nContext.Provider>
  );
}
