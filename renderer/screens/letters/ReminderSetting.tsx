import { useState } from 'react';
import { letterSettingsSchema, MAX_LETTER_REMINDER_DAYS, MIN_LETTER_REMINDER_DAYS } from '../../../shared/domain/letters';
import { errorMessage } from '../../api/client';
import { validate } from '../../components/errors';
import { numberOrNull } from '../../components/form';
import { useLettersStore } from '../../stores/letters-store';

/** "Remind me N days after asking": the setting the reminders use, editable in place. */
export function ReminderSetting() {
  const { settings, saveSettings } = useLettersStore();
  const stored = settings ? String(settings.reminderDays) : '';
  // What the user typed, until it is saved (then the stored value shows again).
  const [typed, setTyped] = useState<string | null>(null);
  const text = typed ?? stored;
  const setText = (v: string) => setTyped(v);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const save = async () => {
    const checked = validate(letterSettingsSchema, { reminderDays: numberOrNull(text) });
    if (!checked.ok) {
      setError(checked.errors.reminderDays ?? 'Enter a number of days.');
      return;
    }
    try {
      await saveSettings(checked.value);
      setError(null);
      setSaved(true);
      setTyped(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <form
      className="reminder-setting"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        Remind me
        <input
          type="text"
          inputMode="numeric"
          className="num"
          name="reminderDays"
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby="reminder-days-help"
          onChange={(e) => {
            setText(e.target.value);
            setSaved(false);
          }}
        />
        days after asking
      </label>
      <button type="submit" className="secondary" disabled={settings !== null && text === String(settings.reminderDays)}>
        Save
      </button>
      <span id="reminder-days-help" className={error ? 'error' : 'hint'} role={error ? 'alert' : undefined}>
        {error ?? (saved ? 'Saved.' : `${MIN_LETTER_REMINDER_DAYS}–${MAX_LETTER_REMINDER_DAYS} days`)}
      </span>
    </form>
  );
}
