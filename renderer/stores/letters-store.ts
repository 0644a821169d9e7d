// Letters, their writers and assignments, document versions and their assignments, and the
// applications they attach to: one store so the matrix always shows one consistent state.
// Writes do not reload here: the main process announces the change and this store reloads.
import { create } from 'zustand';
import type { InputOf } from '../../shared/api/contract';
import type { Application } from '../../shared/domain/application';
import type { Letter, LetterAssignment, LetterSettings, LetterStage, LetterWriter } from '../../shared/domain/letters';
import type { DocumentAssignment, DocumentSlot, DocumentVersion } from '../../shared/domain/documents';
import { api } from '../api/client';
import { liveLoader } from './live';

interface LettersData {
  writers: LetterWriter[];
  letters: Letter[];
  assignments: LetterAssignment[];
  settings: LetterSettings;
  documents: DocumentVersion[];
  documentAssignments: DocumentAssignment[];
  applications: Application[];
}

interface LettersState extends Omit<LettersData, 'settings'> {
  settings: LetterSettings | null;
  loaded: boolean;
  loadError: string | null;
  load(): Promise<void>;
  watch(): () => void;
  /** The mutations throw ApiCallError when refused (nothing is written then). */
  saveWriter(input: InputOf<'writers.save'>): Promise<LetterWriter>;
  deleteWriter(id: number): Promise<void>;
  /** Adds a letter (only a writer id: stage "to ask") or edits one. */
  saveLetter(input: InputOf<'letters.save'>): Promise<Letter>;
  /** Without a date: today by the main process's clock. */
  setStage(id: number, stage: LetterStage, date?: string): Promise<void>;
  deleteLetter(id: number): Promise<void>;
  /** Assigns or removes a letter for an application; the answer (every assignment) shows at once; after a refusal the stored state comes back. */
  assignLetter(input: InputOf<'letters.assign'>): Promise<void>;
  saveSettings(settings: LetterSettings): Promise<void>;
  saveDocument(input: InputOf<'documents.save'>): Promise<DocumentVersion>;
  deleteDocument(id: number): Promise<void>;
  /** Puts a document version in its place for the applications; the answer shows at once. */
  assignDocument(applicationIds: number[], documentId: number, date: string): Promise<void>;
  unassignDocument(applicationIds: number[], slot: DocumentSlot): Promise<void>;
}

async function fetchLetters(): Promise<LettersData> {
  const [writers, letters, assignments, settings, documents, documentAssignments, applications] = await Promise.all([
    api('writers.list'),
    api('letters.list'),
    api('letters.assignments'),
    api('letters.settings'),
    api('documents.list'),
    api('documents.assignments'),
    api('applications.list'),
  ]);
  return { writers, letters, assignments, settings, documents, documentAssignments, applications };
}

export const useLettersStore = create<LettersState>((set) => {
  const live = liveLoader(['letters', 'documents', 'applications'], fetchLetters, (data) => set({ ...data, loaded: true, loadError: null }), (loadError) => set({ loadError, loaded: true }));
  return {
    writers: [],
    letters: [],
    assignments: [],
    settings: null,
    documents: [],
    documentAssignments: [],
    applications: [],
    loaded: false,
    loadError: null,
    load: live.load,
    watch: live.watch,
    saveWriter: (input) => api('writers.save', input),
    async deleteWriter(id) {
      await api('writers.delete', { id });
    },
    saveLetter: (input) => api('letters.save', input),
    async setStage(id, stage, date) {
      await api('letters.setStage', date === undefined ? { id, stage } : { id, stage, date });
    },
    async deleteLetter(id) {
      await api('letters.delete', { id });
    },
    async assignLetter(input) {
      try {
        set({ assignments: await api('letters.assign', input) });
      } catch (err) {
        await live.load();
        throw err;
      }
    },
    async saveSettings(settings) {
      await api('letters.saveSettings', settings);
    },
    saveDocument: (input) => api('documents.save', input),
    async deleteDocument(id) {
      await api('documents.delete', { id });
    },
    async assignDocument(applicationIds, documentId, date) {
      set({ documentAssignments: await api('documents.assign', { applicationIds, documentId, date }) });
    },
    async unassignDocument(applicationIds, slot) {
      set({ documentAssignments: await api('documents.unassign', { applicationIds, slot }) });
    },
  };
});
