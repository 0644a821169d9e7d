import { useCallback, useEffect, useState } from 'react';
import { Plus, Search } from 'lucide-react';
import { PROGRAM_LABELS, type Program } from '../../../shared/domain/program';
import { ScreenHeader } from '../../components/ScreenHeader';
import { ConfirmDialog } from '../../components/Modal';
import { errorMessage } from '../../api/client';
import { useProgramsStore } from '../../stores/programs-store';
import { ProgramEditor } from './ProgramEditor';
import { ProgramsTable } from './ProgramsTable';
import { plural } from '../../components/format';

export function ProgramsScreen() {
  const { programs, loaded, loadError, load, deleteProgram } = useProgramsStore();
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<Program[] | null>(null);
  const [deleting, setDeleting] = useState<Program | null>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  const onEdit = useCallback((p: Program) => setEditing(useProgramsStore.getState().programs.filter((x) => x.institutionId === p.institutionId)), []);
  const onDelete = useCallback((p: Program) => setDeleting(p), []);
  const closeEditor = useCallback(() => setEditing(null), []);

  const confirmDelete = async () => {
    if (!deleting) return;
    const what = `${deleting.institution.name} (${PROGRAM_LABELS.track[deleting.track]})`;
    try {
      await deleteProgram(deleting.id);
      setNotice({ kind: 'ok', text: `Deleted ${what}.` });
    } catch (err) {
      setNotice({ kind: 'error', text: `${what} was not deleted: ${errorMessage(err)}` });
    }
    setDeleting(null);
  };

  const institutions = new Set(programs.map((p) => p.institutionId)).size;
  return (
    <div className="screen programs">
      <ScreenHeader
        title="Programs"
        subtitle={loaded ? `${plural(programs.length, 'program')} at ${plural(institutions, 'institution')}` : 'Loading…'}
        actions={
          <button type="button" className="primary" onClick={() => setEditing([])}>
            <Plus size={16} aria-hidden /> Add program
          </button>
        }
      />
      {loadError ? (
        <div className="banner error" role="alert">
          {loadError}
        </div>
      ) : null}
      {notice ? (
        <div className={`banner ${notice.kind}`} role="status">
          {notice.text}
          <button type="button" className="ghost" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      <div className="toolbar">
        <label className="search">
          <Search size={16} aria-hidden />
          <input type="search" placeholder="Filter by name, city, state, NRMP code, tag…" aria-label="Filter programs" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
      </div>
      {loaded && programs.length === 0 && !loadError ? (
        <div className="empty-state">
          <h2>No programs yet</h2>
          <p>Add the general-surgery programs you are considering: each institution once, with its preliminary and categorical tracks.</p>
          <button type="button" className="primary" onClick={() => setEditing([])}>
            <Plus size={16} aria-hidden /> Add your first program
          </button>
        </div>
      ) : (
        <ProgramsTable programs={programs} filter={filter} onEdit={onEdit} onDelete={onDelete} />
      )}
      {editing ? <ProgramEditor programs={editing} onClose={closeEditor} /> : null}
      {deleting ? (
        <ConfirmDialog
          title="Delete program?"
          message={
            <>
              Delete the <strong>{PROGRAM_LABELS.track[deleting.track].toLowerCase()}</strong> track of <strong>{deleting.institution.name}</strong>
              {deleting.nrmpCode ? ` (${deleting.nrmpCode})` : ''}? {programs.filter((p) => p.institutionId === deleting.institutionId).length === 1 ? 'It is the only track, so the institution goes too.' : 'The other track stays.'} This cannot be undone.
            </>
          }
          confirmLabel="Delete"
          onConfirm={() => void confirmDelete()}
          onCancel={() => setDeleting(null)}
        />
      ) : null}
    </div>
  );
}
