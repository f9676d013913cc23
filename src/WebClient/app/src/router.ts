import { useEffect, useState } from 'react';

// A small history router: the server answers every client path with index.html.

export type Route =
  | { name: 'login' }
  | { name: 'register' }
  | { name: 'deck' }
  | { name: 'matches' }
  | { name: 'chat'; matchId: string }
  | { name: 'profile' }
  | { name: 'photos' }
  | { name: 'notFound' };

export const publicRoutes: ReadonlySet<Route['name']> = new Set(['login', 'register']);

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  switch (path) {
    case '/':
    case '/discover':
      return { name: 'deck' };
    case '/login':
      return { name: 'login' };
    case '/register':
      return { name: 'register' };
    case '/matches':
      return { name: 'matches' };
    case '/profile':
      return { name: 'profile' };
    case '/photos':
      return { name: 'photos' };
  }

  const chat = /^\/matches\/([0-9a-fA-F-]{36})$/.exec(path);
  return chat ? { name: 'chat', matchId: chat[1]!.toLowerCase() } : { name: 'notFound' };
}

export function pathOf(route: Route): string {
  switch (route.name) {
    case 'deck':
      return '/';
    case 'chat':
      return `/matches/${route.matchId}`;
    case 'notFound':
      return '/';
    default:
      return `/${route.name}`;
  }
}

const listeners = new Set<() => void>();

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === window.location.pathname) {
    return;
  }

  if (options.replace) {
    window.history.replaceState(null, '', path);
  } else {
    window.history.pushState(null, '', path);
  }

  listeners.forEach((listener) => listener());
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.pathname));
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}
