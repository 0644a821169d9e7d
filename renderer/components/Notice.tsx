// The banner a tab shows after an action ("Saved …" or why it was refused), and the
// action runner that sets that banner (the stores reload themselves after a write).
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
 * A notice and `run(action, ok?)`: runs the action (a store action), then shows `ok` (or no
 * banner when `ok` is left out); a refusal shows its message. `saved(text)` is for an
 * editor's onSaved.
 */
export function useNoticeAction() {
  const [notice, setNotice] = useState<Notice | null>(null);
  const run = async (what: () => Promise<unknown>, ok?: string) => {
    try {
      await what();
      setNotice(ok ? { kind: 'ok', text: ok } : null);
    } catch (err) {
      setNotice({ kind: 'error', text: errorMessage(err) });
    }
  };
  /** After an editor saved: shows `text`. */
  const saved = (text: string) => setNotice({ kind: 'ok', text });
  return { notice, setNotice, run, saved };
}
