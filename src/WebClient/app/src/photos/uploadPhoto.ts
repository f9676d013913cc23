import { ApiError, NetworkError, problemFromText } from '../api/problem';
import type { ApiClient } from '../api/apiClient';
import type { PhotoStatus } from '../api/types';

export interface UploadAccepted {
  photoId: string;
  status: PhotoStatus;
}

export interface UploadHandle {
  promise: Promise<UploadAccepted>;
  abort(): void;
}

export const maxPhotoBytes = 10 * 1024 * 1024;
export const acceptedPhotoTypes = ['image/jpeg', 'image/png', 'image/webp'];

/** What the client can tell before sending: the server still decides by content. */
export function checkPhotoFile(file: { size: number; type: string }): string | null {
  if (file.size > maxPhotoBytes) {
    return 'A photo may be at most 10 MiB.';
  }

  if (file.type && !acceptedPhotoTypes.includes(file.type)) {
    return 'Choose a JPEG, PNG or WebP image.';
  }

  return null;
}

/**
 * POST /api/photos as multipart (field `file`) through XMLHttpRequest, the one browser API that
 * reports upload progress. Progress goes from 0 to 1.
 */
export function uploadPhoto(api: ApiClient, file: Blob, fileName: string, onProgress: (fraction: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<UploadAccepted>((resolve, reject) => {
    const token = api.sessions.token;
    if (!token) {
      api.sessionRejected();
      reject(new ApiError(401, { status: 401, detail: 'Log in to continue.' }));
      return;
    }

    const form = new FormData();
    form.append('file', file, fileName);
    xhr.open('POST', '/api/photos');
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        onProgress(Math.min(1, event.loaded / event.total));
      }
    };
    xhr.onload = () => {
      const result = uploadResult(xhr.status, xhr.responseText, xhr.getResponseHeader('Retry-After'));
      if (result instanceof ApiError) {
        if (result.isUnauthorized) {
          api.sessionRejected();
        }

        reject(result);
      } else {
        onProgress(1);
        resolve(result);
      }
    };
    xhr.onerror = () => reject(new NetworkError());
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    xhr.send(form);
  });

  return { promise, abort: () => xhr.abort() };
}

/** The answer to an upload: 202 with the new photo, or the API's problem. */
export function uploadResult(status: number, body: string, retryAfter: string | null = null): UploadAccepted | ApiError {
  if (status >= 200 && status < 300) {
    const accepted = problemFromText(body) as unknown as Partial<UploadAccepted>;
    if (typeof accepted.photoId === 'string') {
      return { photoId: accepted.photoId, status: accepted.status ?? 'processing' };
    }

    return new ApiError(status, { detail: 'The server accepted the upload but did not name the photo.' });
  }

  if (status === 413) {
    const problem = problemFromText(body);
    return new ApiError(413, { ...problem, detail: problem.detail ?? 'The photo is too large (at most 10 MiB).' });
  }

  const seconds = retryAfter ? Number(retryAfter) : NaN;
  return new ApiError(status, problemFromText(body), Number.isFinite(seconds) ? seconds : null);
}
