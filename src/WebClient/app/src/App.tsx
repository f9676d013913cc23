import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { ApiClient } from './api/apiClient';
import { AppContext, type AppServices, type MatchMoment } from './appContext';
import { ChatHub } from './chat/chatHub';
import { Spinner } from './components/common';
import { PhotoLinkCache } from './photos/photoLinks';
import { navigate, publicRoutes, useRoute, type Route } from './router';
import { LoginScreen, RegisterScreen } from './screens/AuthScreen';
import { ChatScreen } from './screens/ChatScreen';
import { DeckScreen } from './screens/DeckScreen';
import { MatchMomentOverlay } from './screens/MatchMomentOverlay';
import { MatchesScreen } from './screens/MatchesScreen';
import { PhotosScreen } from './screens/PhotosScreen';
import { ProfileScreen } from './screens/ProfileScreen';
import { SessionStore, type Session } from './session/sessionStore';
import { unreadTotal } from './chat/conversation';

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function App() {
  const [notice, setNotice] = useState<string | null>(null);
  const sessions = useMemo(() => new SessionStore(browserStorage()), []);
  const api = useMemo(
    () =>
      new ApiClient({
        sessions,
        onUnauthorized: () => {
          setNotice('Your session has ended. Log in again.');
          navigate('/login', { replace: true });
        },
      }),
    [sessions],
  );
  const session = useSyncExternalStore(
    (listener) => sessions.subscribe(listener),
    () => sessions.peek(),
  );
  const route = useRoute();

  // Route guard: signed-out people see only log-in and sign-up; signed-in people skip them.
  useEffect(() => {
    if (!session && !publicRoutes.has(route.name)) {
      navigate('/login', { replace: true });
    } else if (session && publicRoutes.has(route.name)) {
      setNotice(null);
      navigate('/', { replace: true });
    }
  }, [session, route.name]);

  if (!session) {
    return route.name === 'register' ? <RegisterScreen api={api} /> : <LoginScreen api={api} notice={notice} />;
  }

  return <SignedIn key={session.token} api={api} session={session} route={route} />;
}

function SignedIn({ api, session, route }: { api: ApiClient; session: Session; route: Route }) {
  const [moment, setMoment] = useState<MatchMoment | null>(null);
  const [checked, setChecked] = useState(false);
  const hub = useMemo(() => new ChatHub(() => api.sessions.token, () => api.sessionRejected()), [api]);
  const photos = useMemo(() => new PhotoLinkCache((id) => api.getPhoto(id)), [api]);
  const shown = useMemo(() => new Set<string>(), []);

  const showMatch = useCallback(
    (next: MatchMoment) => {
      if (!shown.has(next.matchId)) {
        shown.add(next.matchId);
        setMoment(next);
      }
    },
    [shown],
  );

  const logout = useCallback(async () => {
    await hub.stop().catch(() => undefined);
    await api.logout();
    navigate('/login', { replace: true });
  }, [api, hub]);

  // A stored token may have died meanwhile: check it once (a 401 goes back to log in), which also slides it.
  useEffect(() => {
    api
      .checkSession()
      .then(() => setChecked(true))
      .catch(() => setChecked(true));
  }, [api]);

  useEffect(() => {
    void hub.start();
    const off = hub.on('matched', (event) => showMatch({ matchId: event.matchId, userId: event.userId }));
    return () => {
      off();
      void hub.stop();
    };
  }, [hub, showMatch]);

  const [unread, refreshUnread] = useUnreadTotal(api, hub, route.name);

  const services: AppServices = useMemo(
    () => ({ api, hub, photos, userId: session.userId, showMatch, logout, refreshUnread }),
    [api, hub, photos, session.userId, showMatch, logout, refreshUnread],
  );

  return (
    <AppContext.Provider value={services}>
      <div className="shell">
        <nav className="nav" aria-label="Main">
          <a className="nav-brand" href="/" onClick={(e) => (e.preventDefault(), navigate('/'))}>
            <span className="brand-mark">♥</span> Dating
          </a>
          <NavLink to="/" label="Discover" active={route.name === 'deck'} />
          <NavLink to="/matches" label="Matches" active={route.name === 'matches' || route.name === 'chat'} badge={unread} />
          <NavLink to="/profile" label="Profile" active={route.name === 'profile' || route.name === 'photos'} />
        </nav>
        <main className="content">{checked ? <Screen route={route} /> : <Spinner />}</main>
      </div>
      {moment && <MatchMomentOverlay moment={moment} onClose={() => setMoment(null)} />}
    </AppContext.Provider>
  );
}

function NavLink({ to, label, active, badge = 0 }: { to: string; label: string; active: boolean; badge?: number }) {
  return (
    <a href={to} className={active ? 'nav-link active' : 'nav-link'} aria-current={active ? 'page' : undefined} onClick={(e) => (e.preventDefault(), navigate(to))}>
      {label}
      {badge > 0 && (
        <span className="unread-badge nav-badge" aria-label={`${badge} unread`} data-testid="unread-total">
          {badge}
        </span>
      )}
    </a>
  );
}

/** Unread messages over every conversation, kept current by the hub's events and on every change of screen. */
function useUnreadTotal(api: ApiClient, hub: ChatHub, screen: Route['name']): [number, () => void] {
  const [total, setTotal] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refresh = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      api
        .getConversations()
        .then((conversations) => setTotal(unreadTotal(conversations)))
        .catch(() => undefined);
    }, 300);
  }, [api]);

  useEffect(() => {
    refresh();
    const offs = [hub.on('message', refresh), hub.on('read', refresh), hub.on('matched', refresh), hub.on('unmatched', refresh)];
    return () => {
      clearTimeout(timer.current);
      offs.forEach((off) => off());
    };
  }, [hub, refresh, screen]);
  return [total, refresh];
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'deck':
      return <DeckScreen />;
    case 'matches':
      return <MatchesScreen />;
    case 'chat':
      return <ChatScreen key={route.matchId} matchId={route.matchId} />;
    case 'profile':
      return <ProfileScreen />;
    case 'photos':
      return <PhotosScreen />;
    default:
      return (
        <div className="empty">
          <h2>Nothing here</h2>
          <button type="button" className="button primary" onClick={() => navigate('/')}>
            Go to Discover
          </button>
        </div>
      );
  }
}
