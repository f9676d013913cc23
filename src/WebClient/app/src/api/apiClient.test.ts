import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from './problem';
import { fakeApi, json } from '../test/fakes';

const auth = { userId: 'u-42', token: 'tok-42', expiresAt: new Date(Date.now() + 14 * 86_400_000).toISOString() };

describe('the API client', () => {
  it('keeps the session from register and sends its token as a bearer token afterwards', async () => {
    const { api, sessions, requests } = fakeApi((r) => (r.url === '/api/auth/register' ? json(201, auth) : json(200, [])));
    await api.register({
      email: 'ada@example.com',
      password: 'correct horse battery',
      displayName: 'Ada',
      birthDate: '1995-12-10',
      gender: 'woman',
      interestedIn: ['man'],
      location: { latitude: 52.52, longitude: 13.405 },
    });
    expect(sessions.session).toEqual(auth);
    expect(requests[0]!.headers.Authorization).toBeUndefined();

    await api.getMatches();
    expect(requests[1]!.headers.Authorization).toBe('Bearer tok-42');
  });

  it('forgets the session and sends the user to log in on a 401', async () => {
    const { api, sessions, unauthorizedCount } = fakeApi(() => json(401, { status: 401, detail: 'A valid session token is required.' }), { token: 'dead' });
    await expect(api.getMyProfile()).rejects.toMatchObject({ status: 401 });
    expect(sessions.session).toBeNull();
    expect(unauthorizedCount()).toBe(1);
  });

  it('treats a wrong password as a form error, not as a lost session', async () => {
    const { api, unauthorizedCount, sessions } = fakeApi(() => json(401, { status: 401, detail: 'The e-mail or password is wrong.' }));
    await expect(api.login('ada@example.com', 'nope')).rejects.toBeInstanceOf(ApiError);
    expect(unauthorizedCount()).toBe(0);
    expect(sessions.session).toBeNull();
  });

  it('does not call the API without a session', async () => {
    const { api, requests, unauthorizedCount } = fakeApi(() => json(200, []));
    await expect(api.getMatches()).rejects.toMatchObject({ status: 401 });
    expect(requests).toHaveLength(0);
    expect(unauthorizedCount()).toBe(1);
  });

  it('maps validation problems to field errors', async () => {
    const { api } = fakeApi(() => json(400, { status: 400, detail: 'One or more fields are invalid.', errors: { maxDistanceKm: ['Between 1 and 500 km.'] } }), { token: 't' });
    const error = (await api.updateMyProfile({} as never).catch((e: unknown) => e)) as ApiError;
    expect(error.fieldErrors).toEqual({ maxDistanceKm: ['Between 1 and 500 km.'] });
  });

  it('reports an unreachable server as a network error', async () => {
    const { api } = fakeApi(() => Promise.reject(new TypeError('Failed to fetch')), { token: 't' });
    await expect(api.getMatches()).rejects.toBeInstanceOf(NetworkError);
  });

  it('returns nothing for 204 and sends JSON bodies', async () => {
    const { api, requests } = fakeApi(() => new Response(null, { status: 204 }), { token: 't' });
    await expect(api.swipe('u-2', 'like')).resolves.toBeUndefined();
    expect(requests[0]).toMatchObject({ method: 'POST', url: '/api/matching/swipes', body: { targetUserId: 'u-2', decision: 'like' } });
    expect(requests[0]!.headers['Content-Type']).toBe('application/json');
  });

  it('pages history with before and limit', async () => {
    const { api, requests } = fakeApi(() => json(200, []), { token: 't' });
    await api.getMessages('m-1', 'msg-9', 50);
    expect(requests[0]!.url).toBe('/api/chat/conversations/m-1/messages?limit=50&before=msg-9');
  });

  it('logs out locally even when the server cannot be reached', async () => {
    const { api, sessions } = fakeApi(() => Promise.reject(new TypeError('offline')), { token: 't' });
    await api.logout();
    expect(sessions.session).toBeNull();
  });

  it('slides the stored expiry when the session is checked', async () => {
    const later = new Date(Date.now() + 20 * 86_400_000).toISOString();
    const { api, sessions } = fakeApi(() => json(200, { userId: 'u-1', expiresAt: later }), { token: 't' });
    await api.checkSession();
    expect(sessions.session?.expiresAt).toBe(later);
    expect(sessions.token).toBe('t');
  });
});
