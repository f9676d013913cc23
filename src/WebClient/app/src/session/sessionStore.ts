// The session token from register/login. The API's sessions are bearer tokens that slide for 14 days
// with use, so the token is kept across reloads (localStorage) until logout, a 401 or its expiry.

export interface Session {
  userId: string;
  token: string;
  expiresAt: string;
}

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const storageKey = 'dating.session';

type Listener = (session: Session | null) => void;

export class SessionStore {
  private current: Session | null;
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly storage: KeyValueStorage | null,
    private readonly now: () => number = Date.now,
  ) {
    this.current = this.read();
  }

  get session(): Session | null {
    if (this.current && isExpired(this.current, this.now())) {
      this.clear();
    }

    return this.current;
  }

  /** The live session without side effects (for render-time reads). */
  peek(): Session | null {
    return this.current && !isExpired(this.current, this.now()) ? this.current : null;
  }

  get token(): string | null {
    return this.session?.token ?? null;
  }

  save(session: Session): void {
    this.current = { userId: session.userId, token: session.token, expiresAt: session.expiresAt };
    this.write(this.current);
    this.emit();
  }

  /** A session check answered: the token lives on, with a new expiry (sessions slide). */
  extend(expiresAt: string): void {
    if (this.current) {
      this.save({ ...this.current, expiresAt });
    }
  }

  clear(): void {
    const had = this.current !== null;
    this.current = null;
    try {
      this.storage?.removeItem(storageKey);
    } catch {
      // Storage may be unavailable (private mode); memory is cleared all the same.
    }

    if (had) {
      this.emit();
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) {
      listener(this.current);
    }
  }

  private read(): Session | null {
    try {
      const raw = this.storage?.getItem(storageKey);
      if (!raw) {
        return null;
      }

      const parsed = JSON.parse(raw) as Partial<Session>;
      if (typeof parsed.token !== 'string' || typeof parsed.userId !== 'string' || typeof parsed.expiresAt !== 'string') {
        return null;
      }

      const session = { userId: parsed.userId, token: parsed.token, expiresAt: parsed.expiresAt };
      return isExpired(session, this.now()) ? null : session;
    } catch {
      return null;
    }
  }

  private write(session: Session): void {
    try {
      this.storage?.setItem(storageKey, JSON.stringify(session));
    } catch {
      // Kept in memory only.
    }
  }
}

export function isExpired(session: Session, now: number): boolean {
  const expires = Date.parse(session.expiresAt);
  return Number.isNaN(expires) || expires <= now;
}
