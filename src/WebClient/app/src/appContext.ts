import { createContext, useContext } from 'react';
import type { ApiClient } from './api/apiClient';
import type { ChatHub } from './chat/chatHub';
import type { PhotoLinkCache } from './photos/photoLinks';

export interface MatchMoment {
  matchId: string;
  userId: string;
  displayName?: string;
  photoUrl?: string | null;
}

export interface AppServices {
  api: ApiClient;
  hub: ChatHub;
  photos: PhotoLinkCache;
  userId: string;
  showMatch(moment: MatchMoment): void;
  logout(): Promise<void>;
  /** Something changed what is unread (a conversation was read): update the Matches tab. */
  refreshUnread(): void;
}

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) {
    throw new Error('useApp outside a signed-in screen');
  }

  return services;
}
