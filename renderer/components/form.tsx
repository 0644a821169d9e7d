// Form controls with a label, an optional hint and the error for that field right below it.
import { useId, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  /** data-field attribute: the field's path, used to find it (tests, focus on error). */
  name: string;
  className?: string;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}

export function Field({ label, error, hint, name, className, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`} data-field={name}>
      <label htmlFor={id}>{label}</label>
      {children(id, describedBy)}
      {hint && !error ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface InputProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  disabled?: boolean;
  placeholder?: string;
  className?: string;
}

export function TextField({ type = 'text', ...p }: InputProps & { type?: 'text' | 'email' | 'url' | 'date' }) {
  return (
    <Field label={p.label} error={p.error} hint={p.hint} name={p.name} className={p.className}>
      {(id, describedBy) => (
        <input
          id={id}
          type={type}
          name={p.name}
          value={p.value}
          disabled={p.disabled}
          placeholder={p.placeholder}
          aria-invalid={p.error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => p.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A number typed as text, so a half-typed or wrong value reaches validation and gets a message. */
export function NumberField(p: InputProps & { min?: number; max?: number }) {
  return (
    <Field label={p.label} error={p.error} hint={p.hint} name={p.name} className={p.className}>
      {(id, describedBy) => (
        <input
          id={id}
          type="text"
          inputMode="numeric"
          name={p.name}
          value={p.value}
          disabled={p.disabled}
          placeholder={p.placeholder}
          aria-invalid={p.error ? true : undefined}
          aria-describedby={describedBy}
          className="num"
          onChange={(e) => p.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function SelectField<T extends string>(
  p: Omit<InputProps, 'value' | 'onChange'> & { value: T; onChange: (value: T) => void; options: Record<T, string> | readonly (readonly [T, string])[] },
) {
  const entries: (readonly [T, string])[] = Array.isArray(p.options) ? [...p.options] : (Object.entries(p.options) as [T, string][]);
  return (
    <Field label={p.label} error={p.error} hint={p.hint} name={p.name} className={p.className}>
      {(id, describedBy) => (
        <select
          id={id}
          name={p.name}
          value={p.value}
          disabled={p.disabled}
          aria-invalid={p.error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => p.onChange(e.target.value as T)}
        >
          {entries.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckField({ label, name, checked, onChange, hint, disabled }: { label: string; name: string; checked: boolean; onChange: (v: boolean) => void; hint?: ReactNode; disabled?: boolean }) {
  const id = useId();
  return (
    <div className="field check" data-field={name}>
      <label htmlFor={id}>
        <input id={id} type="checkbox" name={name} checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
        <span>{label}</span>
      </label>
      {hint ? <p className="hint">{hint}</p> : null}
    </div>
  );
}

/** A textarea inside its label (full width), with its error, or else the hint, right below. */
export function TextAreaField({ label, name, rows, value, onChange, error, hint }: { label: string; name: string; rows: number; value: string; onChange: (value: string) => void; error?: string | undefined; hint?: ReactNode }) {
  return (
    <>
      <label className="textarea-label">
        {label}
        <textarea name={name} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} />
      </label>
      {error ? <p className="error">{error}</p> : hint ? <p className="hint">{hint}</p> : null}
    </>
  );
}

/** '' -> null; anything else -> Number (NaN for non-numbers, which validation reports). */
export function numberOrNull(text: string): number | null {
  const t = text.trim();
  return t === '' ? null : Number(t);
}

export function numberText(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : String(n);
}
