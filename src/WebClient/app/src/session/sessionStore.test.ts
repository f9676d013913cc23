import { describe, expect, it, vi } from 'vitest';
import { SessionStore } from './sessionStore';
import { MemoryStorage } from '../test/fakes';

const now = Date.parse('2026-11-22T12:00:00Z');
const session = { userId: 'u-1', token: 'abc', expiresAt: '2026-12-06T12:00:00Z' };

describe('the session store', () => {
  it('keeps the session across reloads', () => {
    const storage = new MemoryStorage();
    new SessionStore(storage, () => now).save(session);
    expect(new SessionStore(storage, () => now).session).toEqual(session);
  });

  it('does not hand out an expired token, and forgets it', () => {
    const storage = new MemoryStorage();
    let clock = now;
    const store = new SessionStore(storage, () => clock);
    store.save(session);
    clock = Date.parse(session.expiresAt) + 1;
    expect(store.peek()).toBeNull();
    expect(store.token).toBeNull();
    expect(storage.items.size).toBe(0);
    expect(new SessionStore(new MemoryStorage(), () => clock).session).toBeNull();
  });

  it('ignores a corrupt stored value', () => {
    const storage = new MemoryStorage();
    storage.setItem('dating.session', '{not json');
    expect(new SessionStore(storage, () => now).session).toBeNull();
    storage.setItem('dating.session', JSON.stringify({ token: 'x' }));
    expect(new SessionStore(storage, () => now).session).toBeNull();
  });

  it('tells subscribers when the session starts and ends', () => {
    const store = new SessionStore(new MemoryStorage(), () => now);
    const listener = vi.fn();
    store.subscribe(listener);
    store.save(session);
    store.clear();
    store.clear();
    expect(listener.mock.calls).toEqual([[session], [null]]);
  });

  it('extends the expiry without changing the token', () => {
    const store = new SessionStore(new MemoryStorage(), () => now);
    store.save(session);
    store.extend('2026-12-20T12:00:00Z');
    expect(store.session).toEqual({ ...session, expiresAt: '2026-12-20T12:00:00Z' });
  });

  it('works in memory when storage refuses writes (private browsing)', () => {
    const storage = new MemoryStorage();
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    const store = new SessionStore(storage, () => now);
    store.save(session);
    expect(store.token).toBe('abc');
  });
});
