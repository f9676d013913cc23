import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../api/problem';
import type { MyPhoto } from '../api/types';
import { useApp } from '../appContext';
import { ErrorBanner, Spinner } from '../components/common';
import { canUploadMore, inOrder, isProcessing, makePrimary, move, pollDelayMs } from '../photos/gallery';
import { checkPhotoFile, uploadPhoto, type UploadHandle } from '../photos/uploadPhoto';
import { navigate } from '../router';

interface Upload {
  key: string;
  name: string;
  progress: number;
  error: string | null;
  handle: UploadHandle | null;
}

export function PhotosScreen() {
  const { api, photos: links } = useApp();
  const [photos, setPhotos] = useState<MyPhoto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [busy, setBusy] = useState(false);
  const pollAttempt = useRef(0);
  const fileInput = useRef<HTMLInputElement>(null);

  const load = useCallback(async () => {
    try {
      const mine = inOrder(await api.getMyPhotos());
      setPhotos(mine);
      setError(null);
      return mine;
    } catch (e) {
      setError(messageOf(e));
      return null;
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  // Processing happens in the background on the server: ask again until every photo is ready or failed.
  useEffect(() => {
    if (!photos || !isProcessing(photos)) {
      pollAttempt.current = 0;
      return;
    }

    const timer = setTimeout(() => {
      pollAttempt.current++;
      void load();
    }, pollDelayMs(pollAttempt.current));
    return () => clearTimeout(timer);
  }, [photos, load]);

  useEffect(() => () => uploads.forEach((u) => u.handle?.abort()), []);

  function startUploads(files: FileList | null) {
    if (!files) {
      return;
    }

    for (const file of Array.from(files)) {
      const key = `${file.name}-${Date.now()}-${Math.random()}`;
      const problem = checkPhotoFile(file);
      if (problem) {
        setUploads((u) => [...u, { key, name: file.name, progress: 0, error: problem, handle: null }]);
        continue;
      }

      const handle = uploadPhoto(api, file, file.name, (progress) =>
        setUploads((u) => u.map((x) => (x.key === key ? { ...x, progress } : x))),
      );
      setUploads((u) => [...u, { key, name: file.name, progress: 0, error: null, handle }]);
      handle.promise
        .then(async () => {
          setUploads((u) => u.filter((x) => x.key !== key));
          await load();
        })
        .catch((e) => setUploads((u) => u.map((x) => (x.key === key ? { ...x, error: messageOf(e), handle: null } : x))));
    }

    if (fileInput.current) {
      fileInput.current.value = '';
    }
  }

  async function reorder(photoIds: string[]) {
    if (!photos) {
      return;
    }

    const previous = photos;
    const byId = new Map(photos.map((p) => [p.photoId, p]));
    setPhotos(photoIds.map((id, position) => ({ ...byId.get(id)!, position })));
    setBusy(true);
    try {
      await api.orderPhotos(photoIds);
    } catch (e) {
      setPhotos(previous);
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  async function remove(photoId: string) {
    setBusy(true);
    try {
      await api.deletePhoto(photoId);
      links.forget(photoId);
      await load();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  if (!photos) {
    return error ? <ErrorBanner message={error} onRetry={() => void load()} /> : <Spinner label="Loading your photos…" />;
  }

  const ids = photos.map((p) => p.photoId);
  return (
    <div className="page">
      <header className="page-header">
        <h1>My photos</h1>
        <button type="button" className="button secondary small" onClick={() => navigate('/')}>
          Start swiping
        </button>
      </header>
      <p className="muted">Up to 9 photos, JPEG, PNG or WebP, at most 10 MiB each. The first one is your primary photo.</p>
      <ErrorBanner message={error} onRetry={() => void load()} />

      {photos.length === 0 && uploads.length === 0 && (
        <div className="empty" data-testid="empty-state">
          <h2>No photos yet</h2>
          <p>People see your primary photo on your card. Add one to get noticed.</p>
        </div>
      )}

      <ol className="gallery" aria-label="Photos">
        {photos.map((photo, index) => (
          <li key={photo.photoId} className="gallery-item" data-testid="photo" data-status={photo.status} data-photo-id={photo.photoId}>
            {photo.status === 'ready' && photo.thumbnailUrl ? (
              <img className="photo" src={photo.thumbnailUrl} alt={`Photo ${index + 1}`} />
            ) : (
              <div className="photo photo-placeholder">{photo.status === 'failed' ? 'Failed' : 'Processing…'}</div>
            )}
            {index === 0 && <span className="badge">Primary</span>}
            <span className={`status status-${photo.status}`}>{photo.status}</span>
            <div className="gallery-actions">
              <button type="button" aria-label="Move earlier" disabled={busy || index === 0} onClick={() => void reorder(move(ids, index, index - 1))}>
                ←
              </button>
              <button type="button" aria-label="Move later" disabled={busy || index === photos.length - 1} onClick={() => void reorder(move(ids, index, index + 1))}>
                →
              </button>
              {index > 0 && photo.status === 'ready' && (
                <button type="button" disabled={busy} onClick={() => void reorder(makePrimary(ids, photo.photoId))}>
                  Make primary
                </button>
              )}
              <button type="button" className="danger-text" disabled={busy} onClick={() => void remove(photo.photoId)}>
                Delete
              </button>
            </div>
          </li>
        ))}
        {uploads.map((upload) => (
          <li key={upload.key} className="gallery-item uploading" data-testid="upload">
            <div className="photo photo-placeholder">{upload.error ? 'Not uploaded' : `${Math.round(upload.progress * 100)}%`}</div>
            <progress max={1} value={upload.progress} aria-label={`Uploading ${upload.name}`} />
            {upload.error && (
              <div className="field-error" role="alert">
                {upload.name}: {upload.error}{' '}
                <button type="button" className="link" onClick={() => setUploads((u) => u.filter((x) => x.key !== upload.key))}>
                  Dismiss
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>

      {canUploadMore(photos) ? (
        <label className="button primary upload-button">
          Add photos
          <input
            ref={fileInput}
            type="file"
            name="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            onChange={(e) => startUploads(e.target.files)}
            data-testid="photo-input"
          />
        </label>
      ) : (
        <p className="muted">You have the maximum of 9 photos.</p>
      )}
    </div>
  );
}
