import { ApiError, NetworkError, errorFromResponse } from './problem';
import type { SessionStore } from '../session/sessionStore';
import type {
  AuthResponse,
  ConversationSummary,
  Match,
  Message,
  MyPhoto,
  OwnProfile,
  PhotoLinks,
  ProfileUpdate,
  PublicProfile,
  Recommendation,
  RegisterRequest,
  SessionResponse,
  SwipeDecision,
  SwipeResult,
} from './types';

type Fetch = typeof fetch;

export interface ApiClientOptions {
  sessions: SessionStore;
  /** Called once per 401 on an authenticated call: the session is gone, back to log in. */
  onUnauthorized?: () => void;
  fetch?: Fetch;
  baseUrl?: string;
}

/** Every call of the public API the client makes, and nothing else. */
export class ApiClient {
  private readonly fetchImpl: Fetch;
  private readonly baseUrl: string;

  constructor(private readonly options: ApiClientOptions) {
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.baseUrl = options.baseUrl ?? '';
  }

  get sessions(): SessionStore {
    return this.options.sessions;
  }

  // Accounts and sessions

  async register(request: RegisterRequest): Promise<AuthResponse> {
    const auth = await this.send<AuthResponse>('POST', '/api/auth/register', request, { anonymous: true });
    this.sessions.save(auth);
    return auth;
  }

  async login(email: string, password: string): Promise<AuthResponse> {
    const auth = await this.send<AuthResponse>('POST', '/api/auth/login', { email, password }, { anonymous: true });
    this.sessions.save(auth);
    return auth;
  }

  /** Ends the session on the server (best effort) and always forgets it here. */
  async logout(): Promise<void> {
    try {
      if (this.sessions.token) {
        await this.send<void>('POST', '/api/auth/logout', undefined, { quietUnauthorized: true });
      }
    } catch {
      // Logged out locally all the same.
    } finally {
      this.sessions.clear();
    }
  }

  async checkSession(): Promise<SessionResponse> {
    const session = await this.send<SessionResponse>('GET', '/api/auth/session');
    this.sessions.extend(session.expiresAt);
    return session;
  }

  // Profiles

  getMyProfile(): Promise<OwnProfile> {
    return this.send('GET', '/api/profiles/me');
  }

  updateMyProfile(update: ProfileUpdate): Promise<OwnProfile> {
    return this.send('PUT', '/api/profiles/me', update);
  }

  getProfile(userId: string): Promise<PublicProfile> {
    return this.send('GET', `/api/profiles/${encodeURIComponent(userId)}`);
  }

  async deleteAccount(): Promise<void> {
    await this.send<void>('DELETE', '/api/profiles/me');
    this.sessions.clear();
  }

  // Photos

  getMyPhotos(): Promise<MyPhoto[]> {
    return this.send('GET', '/api/photos/me');
  }

  getPhoto(photoId: string): Promise<PhotoLinks> {
    return this.send('GET', `/api/photos/${encodeURIComponent(photoId)}`);
  }

  orderPhotos(photoIds: string[]): Promise<void> {
    return this.send('PUT', '/api/photos/me/order', { photoIds });
  }

  deletePhoto(photoId: string): Promise<void> {
    return this.send('DELETE', `/api/photos/${encodeURIComponent(photoId)}`);
  }

  // Matching

  getRecommendations(limit = 20): Promise<Recommendation[]> {
    return this.send('GET', `/api/matching/recommendations?limit=${limit}`);
  }

  swipe(targetUserId: string, decision: SwipeDecision): Promise<SwipeResult> {
    return this.send('POST', '/api/matching/swipes', { targetUserId, decision });
  }

  getMatches(): Promise<Match[]> {
    return this.send('GET', '/api/matching/matches');
  }

  unmatch(matchId: string): Promise<void> {
    return this.send('DELETE', `/api/matching/matches/${encodeURIComponent(matchId)}`);
  }

  block(userId: string): Promise<void> {
    return this.send('POST', '/api/matching/blocks', { userId });
  }

  // Chat

  getConversations(): Promise<ConversationSummary[]> {
    return this.send('GET', '/api/chat/conversations');
  }

  getMessages(matchId: string, before?: string, limit = 50): Promise<Message[]> {
    const query = new URLSearchParams({ limit: String(limit) });
    if (before) {
      query.set('before', before);
    }

    return this.send('GET', `/api/chat/conversations/${encodeURIComponent(matchId)}/messages?${query}`);
  }

  sendMessage(matchId: string, text: string): Promise<Message> {
    return this.send('POST', `/api/chat/conversations/${encodeURIComponent(matchId)}/messages`, { text });
  }

  markRead(matchId: string, upToMessageId: string): Promise<void> {
    return this.send('POST', `/api/chat/conversations/${encodeURIComponent(matchId)}/read`, { upToMessageId });
  }

  /** A 401 on a call that carried the token: the session is dead, so forget it and send the user to log in. */
  sessionRejected(): void {
    this.sessions.clear();
    this.options.onUnauthorized?.();
  }

  private async send<T>(
    method: string,
    path: string,
    body?: unknown,
    options: { anonymous?: boolean; quietUnauthorized?: boolean } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = options.anonymous ? null : this.sessions.token;
    if (!options.anonymous && !token) {
      this.sessionRejected();
      throw new ApiError(401, { status: 401, title: 'Unauthorized', detail: 'Log in to continue.' });
    }

    if (token) {
      headers.Authorization = `Bearer ${token}`;
    }

    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }

    let response: Response;
    try {
      response = await this.fetchImpl(this.baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new NetworkError(error);
    }

    if (!response.ok) {
      const error = await errorFromResponse(response);
      if (error.isUnauthorized && !options.anonymous && !options.quietUnauthorized) {
        this.sessionRejected();
      }

      throw error;
    }

    if (response.status === 204 || response.status === 202 && response.headers.get('Content-Length') === '0') {
      return undefined as T;
    }

    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
