// The banner a tab shows after an action ("Saved …" or why it was refused), and the
// action runner that reloads the tab's data and sets that banner.
import { useState } from 'react';
import { errorMessage } from '../api/client';

export type Notice = { kind: 'ok' | 'error'; text: string };

/** A dismissable banner; an error is announced at once (alert), a success politely (status) unless `role` says otherwise. */
export function NoticeBanner({ notice, onDismiss, role }: { notice: Notice | null; onDismiss: () => void; role?: 'alert' | 'status' }) {
  if (!notice) return null;
  return (
    <div className={`banner ${notice.kind}`} role={role ?? (notice.kind === 'error' ? 'alert' : 'status')}>
      <span>{notice.text}</span>
      <button type="button" className="ghost" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

/** A load that failed, with its message and a way to try again. */
export function LoadErrorBanner({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className="banner error" role="alert">
      <span>{message}</span>
      <button type="button" className="secondary" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}

/**
 * A notice and `run(action, ok?)`: runs the action, reloads with `reload`, then shows `ok`
 * (or no banner when `ok` is left out); a refusal shows its message. `savedThenReload(text)`
 * is for an editor's onSaved.
 */
export function useNoticeAction(reload: () => Promise<unknown>) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const run = async (what: () => Promise<unknown>, ok?: string) => {
    try {
      await what();
      await reload();
      setNotice(ok ? { kind: 'ok', text: ok } : null);
    } catch (err) {
      setNotice({ kind: 'error', text: errorMessage(err) });
    }
  };
  /** After an editor saved: shows `text` and reloads. */
  const savedThenReload = (text: string) => {
    setNotice({ kind: 'ok', text });
    void reload();
  };
  return { notice, setNotice, run, savedThenReload };
}
