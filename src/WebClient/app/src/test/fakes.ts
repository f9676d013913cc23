import { ApiClient } from '../api/apiClient';
import { SessionStore, type KeyValueStorage } from '../session/sessionStore';

export class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const contentType = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': contentType, ...headers } });
}

/** An ApiClient over a scripted fetch that records every request. */
export function fakeApi(respond: (request: RecordedRequest) => Response | Promise<Response>, options: { token?: string } = {}) {
  const requests: RecordedRequest[] = [];
  const sessions = new SessionStore(new MemoryStorage());
  if (options.token) {
    sessions.save({ userId: 'u-1', token: options.token, expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
  }

  let unauthorized = 0;
  const api = new ApiClient({
    sessions,
    onUnauthorized: () => unauthorized++,
    fetch: async (input, init) => {
      const request: RecordedRequest = {
        url: String(input),
        method: init?.method ?? 'GET',
        headers: (init?.headers ?? {}) as Record<string, string>,
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      };
      requests.push(request);
      return respond(request);
    },
  });
  return { api, sessions, requests, unauthorizedCount: () => unauthorized };
}
