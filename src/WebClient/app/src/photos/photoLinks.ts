import type { PhotoLinks } from '../api/types';

// The API hands out stable photo routes (/api/photos/{id}/thumbnail) that need the bearer token, which an
// <img> cannot send. GET /api/photos/{id} answers with short-lived signed blob URLs an <img> can load.

const photoRoute = /\/api\/photos\/([0-9a-fA-F-]{36})(?:\/(?:image|thumbnail))?\/?$/;

export function photoIdFromUrl(url: string | null | undefined): string | null {
  if (!url) {
    return null;
  }

  const path = url.split('?')[0]!;
  return photoRoute.exec(path)?.[1] ?? null;
}

export interface SignedPhoto {
  url: string;
  thumbnailUrl: string;
}

/** Signed URLs per photo, reused for a few minutes (they outlive that), one request per photo at a time. */
export class PhotoLinkCache {
  private readonly entries = new Map<string, { links: SignedPhoto; fetchedAt: number }>();
  private readonly pending = new Map<string, Promise<SignedPhoto>>();

  constructor(
    private readonly load: (photoId: string) => Promise<PhotoLinks>,
    private readonly maxAgeMs = 4 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  peek(photoId: string): SignedPhoto | null {
    const entry = this.entries.get(photoId);
    return entry && this.now() - entry.fetchedAt < this.maxAgeMs ? entry.links : null;
  }

  get(photoId: string): Promise<SignedPhoto> {
    const cached = this.peek(photoId);
    if (cached) {
      return Promise.resolve(cached);
    }

    const inFlight = this.pending.get(photoId);
    if (inFlight) {
      return inFlight;
    }

    const request = this.load(photoId)
      .then((photo) => {
        const links = { url: photo.url, thumbnailUrl: photo.thumbnailUrl || photo.url };
        this.entries.set(photoId, { links, fetchedAt: this.now() });
        return links;
      })
      .finally(() => this.pending.delete(photoId));
    this.pending.set(photoId, request);
    return request;
  }

  forget(photoId: string): void {
    this.entries.delete(photoId);
  }

  clear(): void {
    this.entries.clear();
  }
}
