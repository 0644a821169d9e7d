// The editor pattern the screens share: a draft edited field by field (typing in a field
// clears its error), checked with the same zod schema as the main process before the write,
// and a modal whose footer says why nothing was saved, with Cancel and Save.
import { useState, type Dispatch, type ReactNode, type SetStateAction } from 'react';
import type { z } from 'zod';
import { Modal } from './Modal';
import { fromApiError, validate, type FieldErrors } from './errors';

export const NOT_SAVED_FIX_FIELDS = 'Nothing was saved: fix the highlighted fields.';

export interface FormDraft<D> {
  draft: D;
  setDraft: Dispatch<SetStateAction<D>>;
  /** Sets one field and clears its error. */
  set: <K extends keyof D & string>(key: K, value: D[K]) => void;
  errors: FieldErrors;
  setErrors: Dispatch<SetStateAction<FieldErrors>>;
  /** Why nothing was saved (shown in the footer), or null. */
  message: string | null;
  busy: boolean;
  /**
   * Checks `payload` with `schema`; if it passes, runs `write` with the checked value.
   * A refusal (here or from the main process) shows the field errors and a message.
   * `mapErrors` turns schema paths into the form's field names where they differ.
   */
  submit: <S extends z.ZodType>(schema: S, payload: unknown, write: (value: z.output<S>) => Promise<void>, mapErrors?: (errors: FieldErrors) => FieldErrors) => Promise<void>;
}

export function useFormDraft<D extends object>(initial: D | (() => D)): FormDraft<D> {
  const [draft, setDraft] = useState<D>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof D & string>(key: K, value: D[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors(({ [key]: _gone, ...rest }) => rest);
  };

  const submit: FormDraft<D>['submit'] = async (schema, payload, write, mapErrors = (e) => e) => {
    const checked = validate(schema, payload);
    if (!checked.ok) {
      setErrors(mapErrors(checked.errors));
      setMessage(NOT_SAVED_FIX_FIELDS);
      return;
    }
    setBusy(true);
    try {
      await write(checked.value);
    } catch (err) {
      const { errors: apiErrors, message: apiMessage } = fromApiError(err);
      setErrors(mapErrors(apiErrors));
      setMessage(`Nothing was saved. ${apiMessage}`);
    } finally {
      setBusy(false);
    }
  };

  return { draft, setDraft, set, errors, setErrors, message, busy, submit };
}

interface FormModalProps {
  title: string;
  onClose: () => void;
  /** Runs on Save; leave out when `form` is given (Save then submits that form). */
  onSave?: () => void;
  /** The id of the form inside that Save submits (so Enter in a field saves too). */
  form?: string;
  /** Why nothing was saved, shown next to the buttons. */
  message: string | null;
  /** While true, Save is disabled and says "Saving…" (leave out to keep Save always enabled). */
  busy?: boolean | undefined;
  wide?: boolean;
  /** The Save button's text (default "Save"). */
  saveLabel?: ReactNode;
  /** Disables Save (e.g. nothing chosen yet); `busy` disables it too. */
  saveDisabled?: boolean;
  /**
   * Whether the draft differs from what is saved; Escape and the close button then ask before
   * discarding it. Leave out to count any typing or choice in the form as an edit.
   */
  dirty?: boolean;
  children: ReactNode;
}

/** A modal editor with the footer every editor shares: the refusal message, Cancel and Save. */
export function FormModal({ title, onClose, onSave, form, message, busy, wide, saveLabel = 'Save', saveDisabled, dirty, children }: FormModalProps) {
  return (
    <Modal
      wide={wide}
      title={title}
      onClose={onClose}
      dirty={dirty}
      trackEdits={dirty === undefined}
      footer={
        <>
          {message ? (
            <p className="error footer-message" role="alert">
              {message}
            </p>
          ) : null}
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
          <button type={form ? 'submit' : 'button'} form={form} className="primary" disabled={busy || saveDisabled} onClick={onSave}>
            {busy ? 'Saving…' : saveLabel}
          </button>
        </>
      }
    >
      {children}
    </Modal>
  );
}
