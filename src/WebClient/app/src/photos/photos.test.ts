import { describe, expect, it, vi } from 'vitest';
import type { MyPhoto, PhotoLinks } from '../api/types';
import { ApiError } from '../api/problem';
import { canUploadMore, inOrder, isProcessing, makePrimary, move, pollDelayMs } from './gallery';
import { PhotoLinkCache, photoIdFromUrl } from './photoLinks';
import { checkPhotoFile, uploadResult } from './uploadPhoto';

const id = '3f2b8c1e-1111-4a2b-9c3d-0123456789ab';
const photo = (photoId: string, position: number, status: MyPhoto['status'] = 'ready'): MyPhoto => ({ photoId, position, status });

describe('photo links', () => {
  it('finds the photo id in the API stable photo routes', () => {
    expect(photoIdFromUrl(`/api/photos/${id}/thumbnail`)).toBe(id);
    expect(photoIdFromUrl(`/api/photos/${id}/image`)).toBe(id);
    expect(photoIdFromUrl(`http://127.0.0.1:5080/api/photos/${id}`)).toBe(id);
    expect(photoIdFromUrl('https://blob.example/photos/x.jpg?sig=1')).toBeNull();
    expect(photoIdFromUrl(null)).toBeNull();
  });

  it('asks once per photo for signed URLs, and again only when they are old', async () => {
    let clock = 0;
    const load = vi.fn(async (photoId: string): Promise<PhotoLinks> => ({ photoId, userId: 'u', status: 'ready', url: `full-${clock}`, thumbnailUrl: `thumb-${clock}` }));
    const cache = new PhotoLinkCache(load, 1000, () => clock);
    const [a, b] = await Promise.all([cache.get(id), cache.get(id)]);
    expect(a).toEqual({ url: 'full-0', thumbnailUrl: 'thumb-0' });
    expect(b).toBe(a);
    expect(load).toHaveBeenCalledTimes(1);
    clock = 1500;
    expect(cache.peek(id)).toBeNull();
    expect((await cache.get(id)).url).toBe('full-1500');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not keep a failed lookup', async () => {
    const load = vi.fn().mockRejectedValueOnce(new ApiError(404, {})).mockResolvedValueOnce({ photoId: id, userId: 'u', status: 'ready', url: 'u', thumbnailUrl: 't' });
    const cache = new PhotoLinkCache(load);
    await expect(cache.get(id)).rejects.toBeInstanceOf(ApiError);
    await expect(cache.get(id)).resolves.toEqual({ url: 'u', thumbnailUrl: 't' });
  });
});

describe('the gallery', () => {
  it('orders by position and moves items without changing the input', () => {
    const photos = [photo('b', 1), photo('a', 0), photo('c', 2)];
    expect(inOrder(photos).map((p) => p.photoId)).toEqual(['a', 'b', 'c']);
    const ids = ['a', 'b', 'c'];
    expect(move(ids, 2, 0)).toEqual(['c', 'a', 'b']);
    expect(move(ids, 0, 9)).toEqual(['b', 'c', 'a']);
    expect(move(ids, 5, 0)).toEqual(ids);
    expect(ids).toEqual(['a', 'b', 'c']);
    expect(makePrimary(ids, 'b')).toEqual(['b', 'a', 'c']);
  });

  it('keeps polling while a photo is processing, backing off to 4 s', () => {
    expect(isProcessing([photo('a', 0), photo('b', 1, 'processing')])).toBe(true);
    expect(isProcessing([photo('a', 0), photo('b', 1, 'failed')])).toBe(false);
    expect([0, 1, 2, 3, 10].map(pollDelayMs)).toEqual([500, 1000, 2000, 4000, 4000]);
  });

  it('allows nine photos', () => {
    const eight = Array.from({ length: 8 }, (_, i) => photo(String(i), i));
    expect(canUploadMore(eight)).toBe(true);
    expect(canUploadMore([...eight, photo('9', 8)])).toBe(false);
    expect(canUploadMore([...eight, photo('9', 8, 'failed')])).toBe(true);
  });
});

describe('uploads', () => {
  it('refuses what the API would refuse before sending it', () => {
    expect(checkPhotoFile({ size: 1000, type: 'image/jpeg' })).toBeNull();
    expect(checkPhotoFile({ size: 11 * 1024 * 1024, type: 'image/png' })).toMatch(/10 MiB/);
    expect(checkPhotoFile({ size: 1000, type: 'image/gif' })).toMatch(/JPEG, PNG or WebP/);
    expect(checkPhotoFile({ size: 1000, type: '' })).toBeNull();
  });

  it('reads the 202 answer and maps problems, including a 413 without a body', () => {
    expect(uploadResult(202, JSON.stringify({ photoId: id, status: 'processing' }))).toEqual({ photoId: id, status: 'processing' });
    const bad = uploadResult(400, JSON.stringify({ status: 400, detail: 'Not an image.', errors: { file: ['Only JPEG, PNG or WebP.'] } }));
    expect(bad).toBeInstanceOf(ApiError);
    expect((bad as ApiError).fieldErrors.file).toEqual(['Only JPEG, PNG or WebP.']);
    expect((uploadResult(413, '') as ApiError).message).toMatch(/too large/);
    expect((uploadResult(429, '', '30') as ApiError).retryAfterSeconds).toBe(30);
  });
});
