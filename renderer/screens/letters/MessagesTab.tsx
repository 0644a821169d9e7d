import { useMemo, useState } from 'react';
import { Copy, Mail, NotebookPen, Pencil, Plus, RotateCcw, Trash2 } from 'lucide-react';
import { CHANNEL_LABELS, DIRECTION_LABELS, TEMPLATE_PURPOSE_LABELS, type Channel, type Communication, type Direction, type MessageTemplate } from '../../../shared/domain/communications';
import { communicationInputSchema } from '../../../shared/domain/communications';
import type { Profile } from '../../../shared/domain/profile';
import type { Program } from '../../../shared/domain/program';
import { fillTemplate, mailtoUrl, massMailingWarning, placeholderValues, PLACEHOLDERS } from '../../../shared/engine/message-templates';
import { errorMessage } from '../../api/client';
import { ConfirmItem } from '../../components/Modal';
import { NoticeBanner, useNoticeAction } from '../../components/Notice';
import { SelectField, TextAreaField, TextField } from '../../components/form';
import { validate, type FieldErrors } from '../../components/errors';
import { formatDate, localToday, plural } from '../../components/format';
import { useLettersStore } from '../../stores/letters-store';
import { useProgramsStore } from '../../stores/programs-store';
import { useProfileStore } from '../../stores/profile-store';
import { useMessagesStore } from '../../stores/messages-store';
import { useWatch } from '../../stores/live';
import { programLabel } from './AssignmentMatrix';
import { TemplateEditor } from './TemplateEditor';

export function MessagesTab() {
  const programs = useProgramsStore((s) => s.programs);
  const applications = useLettersStore((s) => s.applications);
  const profile = useProfileStore((s) => s.saved?.profile ?? null);
  const { templates, log, loadError, resetTemplate, deleteTemplate } = useMessagesStore();
  useWatch(useMessagesStore);
  const { notice, setNotice, run: templateAction, saved } = useNoticeAction();
  const [editingTemplate, setEditingTemplate] = useState<MessageTemplate | 'new' | null>(null);
  const [deleting, setDeleting] = useState<MessageTemplate | null>(null);

  // Programs you apply to come first; without any, every program.
  const choices = useMemo(() => {
    const applied = new Set(applications.map((a) => a.programId));
    const mine = programs.filter((p) => p.onList || applied.has(p.id));
    return (mine.length > 0 ? mine : programs).map((p) => ({ id: p.id, name: programLabel(p, p.id), program: p })).sort((a, b) => a.name.localeCompare(b.name));
  }, [programs, applications]);

  const [programId, setProgramId] = useState<number | null>(null);
  const selected = choices.find((c) => c.id === programId) ?? choices[0] ?? null;

  if (programs.length === 0) {
    return <div className="empty-state"><p>Add programs first: messages and the log are kept per program.</p></div>;
  }

  return (
    <div className="messages-tab">
      {loadError ? (
        <div className="banner error" role="alert">
          <span>{loadError}</span>
        </div>
      ) : null}
      <NoticeBanner notice={notice} onDismiss={() => setNotice(null)} />
      <label className="inline-select program-picker">
        Program
        <select value={selected?.id ?? ''} onChange={(e) => setProgramId(Number(e.target.value))} aria-label="Program">
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      {selected ? (
        <div className="messages-columns">
          <Composer
            key={selected.id}
            program={selected.program}
            programName={selected.name}
            templates={templates}
            log={log}
            profile={profile}
            onLogged={(text) => setNotice({ kind: 'ok', text })}
          />
          <ProgramLog programId={selected.id} programName={selected.name} log={log} templates={templates} onError={(text) => setNotice({ kind: 'error', text })} />
        </div>
      ) : null}
      <section className="card templates" aria-labelledby="templates-title">
        <div className="card-title-row">
          <h2 id="templates-title">Templates</h2>
          <button type="button" className="ghost" onClick={() => setEditingTemplate('new')}>
            <Plus size={15} aria-hidden /> New template
          </button>
        </div>
        <ul className="template-list">
          {templates.map((t) => (
            <li key={t.id} data-template={t.name}>
              <div>
                <strong>{t.name}</strong> <span className="badge">{TEMPLATE_PURPOSE_LABELS[t.purpose]}</span> {t.builtInKey ? <span className="badge">Built in</span> : null}
                <p className="muted">{t.subject || 'No subject'}</p>
              </div>
              <div className="row-actions">
                <button type="button" className="icon" aria-label={`Edit ${t.name}`} onClick={() => setEditingTemplate(t)}>
                  <Pencil size={15} aria-hidden />
                </button>
                {t.builtInKey ? (
                  <button type="button" className="icon" aria-label={`Reset ${t.name} to the original text`} title="Reset to the original text" onClick={() => void templateAction(() => resetTemplate(t.id), `“${t.name}” is back to its original text.`)}>
                    <RotateCcw size={15} aria-hidden />
                  </button>
                ) : (
                  <button type="button" className="icon danger" aria-label={`Delete ${t.name}`} onClick={() => setDeleting(t)}>
                    <Trash2 size={15} aria-hidden />
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      </section>
      {editingTemplate ? (
        <TemplateEditor
          template={editingTemplate === 'new' ? null : editingTemplate}
          onClose={() => setEditingTemplate(null)}
          onSaved={(name) => {
            setEditingTemplate(null);
            saved(`Saved “${name}”.`);
          }}
        />
      ) : null}
      <ConfirmItem
        item={deleting}
        title={(t) => `Delete “${t.name}”?`}
        message={() => 'The template is removed. Messages you logged from it keep their text.'}
        onClose={() => setDeleting(null)}
        onConfirm={(t) => void templateAction(() => deleteTemplate(t.id), `Deleted “${t.name}”.`)}
      />
    </div>
  );
}

function Composer({
  program,
  programName,
  templates,
  log,
  profile,
  onLogged,
}: {
  program: Program;
  programName: string;
  templates: MessageTemplate[];
  log: Communication[];
  profile: Profile | null;
  onLogged: (text: string) => void;
}) {
  const today = localToday();
  const [templateId, setTemplateId] = useState<number | null>(null);
  const template = templates.find((t) => t.id === templateId) ?? templates[0] ?? null;
  const values = useMemo(() => placeholderValues(profile, program, today), [profile, program, today]);
  const filledSubject = useMemo(() => (template ? fillTemplate(template.subject, values) : null), [template, values]);
  const filledBody = useMemo(() => (template ? fillTemplate(template.body, values) : null), [template, values]);
  const [to, setTo] = useState(program.institution.pdEmail || program.institution.coordinatorEmail);
  const [edited, setEdited] = useState<{ from: string; subject: string; body: string } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  // The filled text until the user edits it; a new template or new profile data refills it.
  const fillKey = `${template?.id ?? 0}|${filledSubject?.text ?? ''}|${filledBody?.text ?? ''}`;
  const subject = edited && edited.from === fillKey ? edited.subject : (filledSubject?.text ?? '');
  const body = edited && edited.from === fillKey ? edited.body : (filledBody?.text ?? '');
  const setSubject = (v: string) => setEdited({ from: fillKey, subject: v, body });
  const setBody = (v: string) => setEdited({ from: fillKey, subject, body: v });

  const missing = [...new Set([...(filledSubject?.missing ?? []), ...(filledBody?.missing ?? [])])];
  const unknown = [...new Set([...(filledSubject?.unknown ?? []), ...(filledBody?.unknown ?? [])])];
  const toWrite = (body.match(/\[[^\]\n]+\]/g) ?? []).length;
  const spam = template ? massMailingWarning(log, template.id, today, program.id) : null;
  const mailto = mailtoUrl(to, subject, body);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(subject ? `Subject: ${subject}\n\n${body}` : body);
      setStatus('Copied. After you send it, log it here.');
    } catch {
      setStatus('The clipboard is not available here: select the text and press Ctrl+C (⌘C on a Mac).');
    }
  };

  // A gap still in the text ({{placeholder}} or [brackets]): logging it as sent asks first.
  const gaps = (body.match(/\{\{\s*[A-Za-z0-9_]+\s*\}\}/g) ?? []).length + (subject.match(/\{\{\s*[A-Za-z0-9_]+\s*\}\}/g) ?? []).length + toWrite;
  const [confirmGaps, setConfirmGaps] = useState(false);
  // Back-filling: a message sent before the tracker was in use is logged on its own day.
  const [sentOn, setSentOn] = useState(today);
  const logSent = async () => {
    if (gaps > 0 && !confirmGaps) {
      setConfirmGaps(true);
      return;
    }
    setConfirmGaps(false);
    const input = {
      programId: program.id,
      channel: 'email' as const,
      direction: 'sent' as const,
      date: sentOn,
      contact: to ? `${program.institution.pdName || 'Program'} <${to}>` : program.institution.pdName,
      subject,
      body,
      templateId: template?.id ?? null,
    };
    try {
      await useMessagesStore.getState().logMessage(input);
      setStatus(null);
      onLogged(`Logged “${subject || 'the message'}” to ${programName}.`);
    } catch (err) {
      setStatus(errorMessage(err));
    }
  };

  return (
    <section className="card composer" aria-labelledby="composer-title">
      <h2 id="composer-title">Write to {programName}</h2>
      <div className="grid cols-2">
        <SelectField
          label="Template"
          name="template"
          value={String(template?.id ?? '')}
          onChange={(v) => setTemplateId(Number(v))}
          options={templates.map((t) => [String(t.id), t.name] as const)}
        />
        <TextField label="To" name="to" type="email" value={to} onChange={setTo} placeholder="pd@hospital.org" hint={to ? undefined : 'Add the PD’s or coordinator’s email on the program to fill this.'} />
      </div>
      <TextField label="Subject" name="subject" value={subject} onChange={setSubject} />
      <TextAreaField label="Message" name="body" rows={14} value={body} onChange={setBody} />
      <ul className="composer-checks">
        {missing.length > 0 ? (
          <li className="finding sev-warning">
            Not filled yet: {missing.map((m) => PLACEHOLDERS[m]).join('; ')}. Enter them on the Profile or the program, or edit the text.
          </li>
        ) : null}
        {unknown.length > 0 ? <li className="finding sev-warning">Unknown placeholders: {unknown.map((u) => `{{${u}}}`).join(', ')} (check the template).</li> : null}
        {toWrite > 0 ? <li className="finding sev-warning">{plural(toWrite, 'part')} in [brackets] still to write for this program: make it specific.</li> : null}
        {spam ? (
          <li className="finding sev-problem" role="alert">
            {spam}
          </li>
        ) : null}
      </ul>
      <div className="row-buttons">
        <button type="button" className="secondary" onClick={() => void copy()}>
          <Copy size={15} aria-hidden /> Copy
        </button>
        <a className="button secondary" href={mailto} target="_blank" rel="noreferrer" onClick={() => setStatus('Your mail app opens with this message. After you send it, log it here.')}>
          <Mail size={15} aria-hidden /> Open in mail app
        </a>
        <label className="field inline">
          <span>Sent on</span>
          <input type="date" name="sentOn" value={sentOn} max={today} onChange={(e) => setSentOn(e.target.value)} />
        </label>
        <button type="button" className="primary" onClick={() => void logSent()}>
          <NotebookPen size={15} aria-hidden /> {confirmGaps && gaps > 0 ? 'Log anyway' : sentOn === today ? 'Log as sent today' : 'Log as sent on that day'}
        </button>
      </div>
      {confirmGaps && gaps > 0 ? (
        <p className="finding sev-problem" role="alert">
          {plural(gaps, 'gap')} still in this message ({'{{…}}'} or [brackets]): did you really send it like this? Fill {gaps === 1 ? 'it' : 'them'} in first, or press “Log anyway” to record it as it is.
        </p>
      ) : null}
      {status ? (
        <p className="save-status" role="status">
          {status}
        </p>
      ) : null}
    </section>
  );
}

function ProgramLog({
  programId,
  programName,
  log,
  templates,
  onError,
}: {
  programId: number;
  programName: string;
  log: Communication[];
  templates: MessageTemplate[];
  onError: (text: string) => void;
}) {
  const entries = log.filter((c) => c.programId === programId);
  const [draft, setDraft] = useState({ channel: 'phone' as Channel, direction: 'sent' as Direction, date: localToday(), contact: '', subject: '', notes: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = <K extends keyof typeof draft>(k: K, v: (typeof draft)[K]) => {
    setDraft((d) => ({ ...d, [k]: v }));
    setErrors({});
  };
  const add = async () => {
    const input = { ...draft, programId };
    const checked = validate(communicationInputSchema, input);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    try {
      await useMessagesStore.getState().logMessage(input);
      setDraft((d) => ({ ...d, contact: '', subject: '', notes: '' }));
    } catch (err) {
      onError(errorMessage(err));
    }
  };
  const remove = async (id: number) => {
    try {
      await useMessagesStore.getState().deleteMessage(id);
    } catch (err) {
      onError(errorMessage(err));
    }
  };
  const templateName = (id: number | null) => templates.find((t) => t.id === id)?.name;

  return (
    <section className="card program-log" aria-labelledby="log-title">
      <h2 id="log-title">Log: {programName}</h2>
      {entries.length === 0 ? (
        <p className="muted">Nothing logged with this program yet.</p>
      ) : (
        <ol className="log-list">
          {entries.map((c) => (
            <li key={c.id} data-log={c.subject}>
              <div className="log-head">
                <time dateTime={c.date}>{formatDate(c.date)}</time>
                <span className="badge">{CHANNEL_LABELS[c.channel]}</span>
                <span className="muted">{DIRECTION_LABELS[c.direction]}</span>
                <button type="button" className="icon danger" aria-label={`Delete the log entry ${c.subject || formatDate(c.date)}`} onClick={() => void remove(c.id)}>
                  <Trash2 size={14} aria-hidden />
                </button>
              </div>
              <strong>{c.subject || '(no subject)'}</strong>
              {c.contact ? <span className="muted">With {c.contact}</span> : null}
              {templateName(c.templateId) ? <span className="muted">From the template “{templateName(c.templateId)}”</span> : null}
              {c.notes ? <p>{c.notes}</p> : null}
              {c.body ? (
                <details>
                  <summary>Message</summary>
                  <pre className="log-body">{c.body}</pre>
                </details>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <fieldset className="log-form">
        <legend>Log a call, email or note</legend>
        <div className="grid cols-2">
          <SelectField label="How" name="channel" value={draft.channel} onChange={(v) => set('channel', v)} options={CHANNEL_LABELS} />
          <SelectField label="Direction" name="direction" value={draft.direction} onChange={(v) => set('direction', v)} options={DIRECTION_LABELS} />
          <TextField label="Date" name="date" type="date" value={draft.date} onChange={(v) => set('date', v)} error={errors.date} />
          <TextField label="With" name="contact" value={draft.contact} onChange={(v) => set('contact', v)} error={errors.contact} placeholder="Coordinator" />
        </div>
        <TextField label="Subject" name="logSubject" value={draft.subject} onChange={(v) => set('subject', v)} error={errors.subject} />
        <TextField label="Notes" name="logNotes" value={draft.notes} onChange={(v) => set('notes', v)} error={errors.notes} />
        <button type="button" className="secondary" onClick={() => void add()}>
          <Plus size={15} aria-hidden /> Add to log
        </button>
      </fieldset>
    </section>
  );
}
