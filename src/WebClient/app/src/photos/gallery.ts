import type { MyPhoto } from '../api/types';

export const maxPhotos = 9;

/** The photos in their order; the first is the primary one. */
export function inOrder(photos: readonly MyPhoto[]): MyPhoto[] {
  return [...photos].sort((a, b) => a.position - b.position);
}

/** The list with the item at `from` moved to `to` (clamped); the input is not changed. */
export function move<T>(items: readonly T[], from: number, to: number): T[] {
  const result = [...items];
  if (from < 0 || from >= result.length) {
    return result;
  }

  const target = Math.max(0, Math.min(result.length - 1, to));
  const [item] = result.splice(from, 1);
  result.splice(target, 0, item!);
  return result;
}

export function makePrimary(photoIds: readonly string[], photoId: string): string[] {
  const index = photoIds.indexOf(photoId);
  return index < 0 ? [...photoIds] : move(photoIds, index, 0);
}

/** Photos are re-encoded and thumbnailed asynchronously: keep asking while any is still processing. */
export function isProcessing(photos: readonly MyPhoto[]): boolean {
  return photos.some((photo) => photo.status === 'processing');
}

export function pollDelayMs(attempt: number): number {
  return Math.min(4000, 500 * 2 ** Math.min(attempt, 3));
}

export function canUploadMore(photos: readonly MyPhoto[]): boolean {
  return photos.filter((photo) => photo.status !== 'failed').length < maxPhotos;
}
