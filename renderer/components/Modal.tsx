import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type SyntheticEvent } from 'react';
import { X } from 'lucide-react';
import { useUnsavedEdits } from '../stores/unsaved';

interface ModalProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
  /**
   * Unsaved edits inside: Escape and the close button then ask before discarding them
   * (without edits they close at once).
   */
  dirty?: boolean;
  /** Counts any typing or choice in the body as an unsaved edit (editors whose draft is not compared). */
  trackEdits?: boolean;
}

export const DISCARD_TITLE = 'Discard your changes?';

/**
 * A modal dialog, the browser's own <dialog> opened with showModal(): the rest of the page is
 * inert while it is open (focus stays inside), and focus returns to what opened it on close.
 * Escape and the close button close it, after asking when there are unsaved edits.
 */
export function Modal({ title, onClose, children, footer, wide, dirty = false, trackEdits = false }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [asking, setAsking] = useState(false);
  const [edited, setEdited] = useState(false);
  const markEdited = trackEdits && !edited ? () => setEdited(true) : undefined;
  // Closing or reloading the window with edits in here asks first, too.
  useUnsavedEdits(dirty || edited);
  // Layout effect: its clean-up runs while the dialog is still in the document, so closing it
  // hands focus back to the opener.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const first = dialog.querySelector<HTMLElement>('.modal-body input:not([disabled]), .modal-body select:not([disabled]), .modal-body textarea:not([disabled]), .modal-body button:not([disabled]), footer button:not([disabled])');
    first?.focus();
    return () => {
      // A dialog opened inside this one closes first: while it stays in the top layer the page
      // behind remains inert and could not take the focus back.
      dialog.querySelectorAll('dialog[open]').forEach((inner) => (inner as HTMLDialogElement).close());
      if (dialog.open) dialog.close();
      if (opener?.isConnected && !opener.closest('dialog:not([open])')) opener.focus();
    };
  }, []);

  const requestClose = () => {
    if (dirty || edited) setAsking(true);
    else onClose();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key !== 'Escape') return;
    // Handled here (not by the browser's cancel), so that a dialog with edits can ask first;
    // a dialog opened inside this one handles its own Escape.
    e.preventDefault();
    e.stopPropagation();
    requestClose();
  };
  const onCancel = (e: SyntheticEvent<HTMLDialogElement>) => {
    // Other close requests (e.g. a platform back gesture) go the same way.
    e.preventDefault();
    if (e.target === e.currentTarget) requestClose();
  };

  return (
    <dialog className={`modal${wide ? ' wide' : ''}`} aria-labelledby={titleId} ref={ref} onKeyDown={onKeyDown} onCancel={onCancel}>
      <header>
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon modal-close" aria-label="Close" onClick={requestClose}>
          <X size={18} aria-hidden />
        </button>
      </header>
      <div className="modal-body" onInput={markEdited} onChange={markEdited}>
        {children}
      </div>
      {footer ? <footer>{footer}</footer> : null}
      {asking ? (
        <ConfirmDialog
          title={DISCARD_TITLE}
          message="What you changed here has not been saved."
          cancelLabel="Keep editing"
          confirmLabel="Discard changes"
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            onClose();
          }}
        />
      ) : null}
    </dialog>
  );
}

export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  cancelLabel = 'Cancel',
  onConfirm,
  onCancel,
  busy,
}: {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
}) {
  return (
    <Modal
      title={title}
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="secondary" onClick={onCancel}>
            {cancelLabel}
          </button>
          <button type="button" className="danger" onClick={onConfirm} disabled={busy}>
            {confirmLabel}
          </button>
        </>
      }
    >
      <p>{message}</p>
    </Modal>
  );
}

/** A ConfirmDialog about `item`, shown while it is not null: confirming closes it, then calls `onConfirm` with the item. */
export function ConfirmItem<T>({
  item,
  title,
  message,
  confirmLabel = 'Delete',
  onClose,
  onConfirm,
}: {
  item: T | null;
  title: (item: T) => string;
  message: (item: T) => ReactNode;
  confirmLabel?: string;
  onClose: () => void;
  onConfirm: (item: T) => void;
}) {
  if (item === null) return null;
  return (
    <ConfirmDialog
      title={title(item)}
      message={message(item)}
      confirmLabel={confirmLabel}
      onCancel={onClose}
      onConfirm={() => {
        onClose();
        onConfirm(item);
      }}
    />
  );
}
