// The communication log per program and the message templates. Built-in templates are
// inserted on first listing (one row per built-in key; they can be edited and reset, not
// deleted), so a new built-in in a later version appears without a migration.
import type { Db } from '../open';
import { inTransaction } from '../open';
import { AppError } from '../../errors';
import { rowMapper, notFound, oneById, type SaveFields } from '../columns';
import type { Communication, MessageTemplate } from '../../../shared/domain/communications';
import { BUILT_IN_TEMPLATES } from '../../../shared/engine/message-templates';

type Row = Record<string, unknown>;

const rowToCommunication = rowMapper<Communication>({ id: 'int', programId: 'int', channel: 'text', direction: 'text', date: 'text', contact: 'text', subject: 'text', body: 'text', notes: 'text', templateId: 'int', createdAt: 'text' });

const rowToTemplate = rowMapper<MessageTemplate>({ id: 'int', builtInKey: 'text', name: 'text', purpose: 'text', subject: 'text', body: 'text', createdAt: 'text', updatedAt: 'text' });

export type CommunicationFields = Omit<Communication, 'id' | 'createdAt'>;

export type TemplateFields = SaveFields<MessageTemplate, 'builtInKey'>;

export function createCommunicationsRepo(db: Db) {
  const stmts = {
    all: db.prepare('SELECT * FROM communication ORDER BY date DESC, id DESC'),
    ofProgram: db.prepare('SELECT * FROM communication WHERE program_id = ? ORDER BY date DESC, id DESC'),
    one: db.prepare('SELECT * FROM communication WHERE id = ?'),
    programExists: db.prepare('SELECT id FROM program WHERE id = ?').pluck(),
    insert: db.prepare(
      `INSERT INTO communication (program_id, channel, direction, date, contact, subject, body, notes, template_id, created_at)
       VALUES (@program_id, @channel, @direction, @date, @contact, @subject, @body, @notes, @template_id, @now)`,
    ),
    delete: db.prepare('DELETE FROM communication WHERE id = ?'),
    templates: db.prepare('SELECT * FROM message_template ORDER BY built_in_key IS NULL, id'),
    template: db.prepare('SELECT * FROM message_template WHERE id = ?'),
    builtInKeys: db.prepare('SELECT built_in_key FROM message_template WHERE built_in_key IS NOT NULL').pluck(),
    insertTemplate: db.prepare(
      `INSERT INTO message_template (built_in_key, name, purpose, subject, body, created_at, updated_at)
       VALUES (@key, @name, @purpose, @subject, @body, @now, @now)`,
    ),
    updateTemplate: db.prepare('UPDATE message_template SET name = @name, purpose = @purpose, subject = @subject, body = @body, updated_at = @now WHERE id = @id'),
    deleteTemplate: db.prepare('DELETE FROM message_template WHERE id = ?'),
  };

  const getTemplate = oneById(stmts.template, rowToTemplate, 'Template');

  const getCommunication = oneById(stmts.one, rowToCommunication, 'Logged message');

  return {
    list(programId?: number): Communication[] {
      const rows = programId === undefined ? stmts.all.all() : stmts.ofProgram.all(programId);
      return (rows as Row[]).map(rowToCommunication);
    },

    log(c: CommunicationFields, now: Date, today: string): Communication {
      // The log records what was sent or received: never a day still to come (issue 13).
      if (c.date > today) throw new AppError('invalid_input', `${c.date} is after today (${today}); the log records what was sent or received, so give today or an earlier day.`);
      return inTransaction(db, () => {
        if (stmts.programExists.get(c.programId) === undefined) throw notFound('Program', c.programId);
        if (c.templateId !== null) getTemplate(c.templateId);
        const { programId, templateId, channel, direction, date, contact, subject, body, notes } = c;
        const row = { program_id: programId, template_id: templateId, channel, direction, date, contact, subject, body, notes, now: now.toISOString() };
        return getCommunication(Number(stmts.insert.run(row).lastInsertRowid));
      });
    },

    delete(id: number): void {
      inTransaction(db, () => {
        getCommunication(id);
        stmts.delete.run(id);
      });
    },

    /** Every template, built-ins first (inserting any built-in this database does not have yet). */
    templates(now: Date): MessageTemplate[] {
      const have = new Set(stmts.builtInKeys.all() as string[]);
      const missing = BUILT_IN_TEMPLATES.filter((t) => !have.has(t.key));
      if (missing.length > 0) {
        inTransaction(db, () => {
          for (const t of missing) stmts.insertTemplate.run({ key: t.key, name: t.name, purpose: t.purpose, subject: t.subject, body: t.body, now: now.toISOString() });
        });
      }
      return (stmts.templates.all() as Row[]).map(rowToTemplate);
    },

    /** The templates as stored, without adding missing built-in ones (a read that writes nothing). */
    storedTemplates(): MessageTemplate[] {
      return (stmts.templates.all() as Row[]).map(rowToTemplate);
    },

    saveTemplate(t: TemplateFields, now: Date): MessageTemplate {
      return inTransaction(db, () => {
        const params = { name: t.name, purpose: t.purpose, subject: t.subject, body: t.body, now: now.toISOString() };
        if (t.id === undefined) return getTemplate(Number(stmts.insertTemplate.run({ ...params, key: null }).lastInsertRowid));
        getTemplate(t.id);
        stmts.updateTemplate.run({ ...params, id: t.id });
        return getTemplate(t.id);
      });
    },

    /** User templates only; logged messages keep their text (template_id becomes null). */
    deleteTemplate(id: number): void {
      inTransaction(db, () => {
        const t = getTemplate(id);
        if (t.builtInKey !== null) throw new AppError('conflict', `"${t.name}" is built in: edit it, or reset it to the original text, but it cannot be deleted.`);
        stmts.deleteTemplate.run(id);
      });
    },

    /** Puts a built-in template back to its original text. */
    resetTemplate(id: number, now: Date): MessageTemplate {
      return inTransaction(db, () => {
        const t = getTemplate(id);
        const original = BUILT_IN_TEMPLATES.find((b) => b.key === t.builtInKey);
        if (!original) throw new AppError('conflict', `"${t.name}" is your own template; only built-in templates have an original text to reset to.`);
        stmts.updateTemplate.run({ id, name: original.name, purpose: original.purpose, subject: original.subject, body: original.body, now: now.toISOString() });
        return getTemplate(id);
      });
    },
  };
}

export type CommunicationsRepo = ReturnType<typeof createCommunicationsRepo>;
