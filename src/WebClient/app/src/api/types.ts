// The shapes of shared/API.md, as the client reads them.

export type Gender = 'man' | 'woman' | 'nonbinary';
export const genders: readonly Gender[] = ['woman', 'man', 'nonbinary'];

export interface Location {
  latitude: number;
  longitude: number;
}

export interface AuthResponse {
  userId: string;
  token: string;
  expiresAt: string;
}

export interface SessionResponse {
  userId: string;
  expiresAt: string;
}

export interface RegisterRequest {
  email: string;
  password: string;
  displayName: string;
  birthDate: string;
  gender: Gender;
  interestedIn: Gender[];
  bio?: string;
  location: Location;
}

export interface AgeRange {
  min: number;
  max: number;
}

export interface OwnProfile {
  userId: string;
  email: string;
  displayName: string;
  birthDate: string;
  age: number;
  bio: string | null;
  gender: Gender;
  interestedIn: Gender[];
  ageRange: AgeRange;
  maxDistanceKm: number;
  location: Location;
  interests: string[];
}

export interface ProfileUpdate {
  displayName: string;
  bio: string;
  gender: Gender;
  interestedIn: Gender[];
  ageRange: AgeRange;
  maxDistanceKm: number;
  location: Location;
  interests: string[];
}

export interface PublicProfile {
  userId: string;
  displayName: string;
  age: number;
  bio: string | null;
  gender: Gender;
  interests: string[];
  photos: { photoId: string; url: string }[];
}

export type PhotoStatus = 'processing' | 'ready' | 'failed';

export interface MyPhoto {
  photoId: string;
  status: PhotoStatus;
  position: number;
  url?: string | null;
  thumbnailUrl?: string | null;
}

export interface PhotoLinks {
  photoId: string;
  userId: string;
  status: PhotoStatus;
  url: string;
  thumbnailUrl: string;
}

export interface Recommendation {
  userId: string;
  displayName: string;
  age: number;
  distanceKm: number;
  bio: string | null;
  interests: string[];
  photoUrl?: string | null;
}

export type SwipeDecision = 'like' | 'pass';

export interface SwipeResult {
  matched: boolean;
  matchId?: string | null;
}

export interface Match {
  matchId: string;
  userId: string;
  displayName: string;
  photoUrl?: string | null;
  matchedAt: string;
}

export interface Message {
  messageId: string;
  matchId: string;
  senderId: string;
  text: string;
  sentAt: string;
}

export interface ConversationSummary {
  matchId: string;
  otherUserId: string;
  lastMessage?: Message | null;
  unreadCount: number;
}

export interface MatchedEvent {
  matchId: string;
  userId: string;
}

export interface UnmatchedEvent {
  matchId: string;
}

export interface ReadEvent {
  matchId: string;
  userId: string;
  upToMessageId: string;
}
