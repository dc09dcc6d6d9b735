import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { gql, ME, type Me, session, whenSignedOut } from './api.js';
import { currentLang, setLang, t } from './i18n.js';
import { SignIn } from './sign-in.js';
import { SCREENS } from './screens/registry.js';
import { ErrorBox } from './ui.js';

/** The screen's path from the address: #/operator/calendar → operator/calendar. */
function route(): string {
  return location.hash.replace(/^#\/?/, '');
}

function App() {
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [expired, setExpired] = useState(false);
  const [path, setPath] = useState(route());
  const [, setLangRound] = useState(0);

  useEffect(() => {
    const onHash = () => setPath(route());
    addEventListener('hashchange', onHash);
    whenSignedOut(() => {
      setMe(null);
      setExpired(true);
    });
    if (session.token()) gql<{ me: Me }>(ME).then((d) => setMe(d.me), setError);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  const toggleLang = () => {
    setLang(currentLang() === 'zh' ? 'en' : 'zh');
    setLangRound((r) => r + 1);
  };
  const header = (
    <header class="top">
      <h1>{t('app.title')}</h1>
      <div class="top-actions">
        <button type="button" class="link" onClick={toggleLang} data-testid="lang">
          {t('app.lang')}
        </button>
        {me ? (
          <>
            <span class="who" data-testid="who">
              {me.username} · {t(`role.${me.role}`)}
            </span>
            <button
              type="button"
              class="link"
              data-testid="sign-out"
              onClick={() => {
                session.clear();
                setMe(null);
                location.hash = '';
              }}
            >
              {t('app.signOut')}
            </button>
          </>
        ) : null}
      </div>
    </header>
  );

  if (!me) {
    return (
      <>
        {header}
        <main>
          {expired ? <p class="notice">{t('signin.expired')}</p> : null}
          <ErrorBox error={error} />
          {session.token() && !error ? (
            <p class="muted">{t('common.loading')}</p>
          ) : (
            <SignIn
              onSignedIn={(signedIn) => {
                setExpired(false);
                setError(null);
                setMe(signedIn);
              }}
            />
          )}
        </main>
      </>
    );
  }
  const screens = SCREENS[me.role];
  const screen = screens.find((s) => s.path === path) ?? screens[0];
  const Current = screen.component;
  return (
    <>
      {header}
      <nav class="menu">
        {screens.map((s) => (
          <a key={s.path} href={`#/${s.path}`} class={s === screen ? 'current' : ''} data-testid={`nav-${s.path}`}>
            {t(s.title)}
          </a>
        ))}
      </nav>
      <main>
        <Current key={`${screen.path}:${currentLang()}`} me={me} />
      </main>
    </>
  );
}

setLang(currentLang());
render(<App />, document.getElementById('app')!);
