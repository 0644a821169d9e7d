// Letters, their writers and assignments, document versions and their assignments, and the
// applications they attach to: one store so the matrix always shows one consistent state.
import { create } from 'zustand';
import type { Application } from '../../shared/domain/application';
import type { Letter, LetterAssignment, LetterSettings, LetterWriter } from '../../shared/domain/letters';
import type { DocumentAssignment, DocumentVersion } from '../../shared/domain/documents';
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
  setAssignments(a: LetterAssignment[]): void;
  setDocumentAssignments(a: DocumentAssignment[]): void;
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
    setAssignments(assignments) {
      set({ assignments });
    },
    setDocumentAssignments(documentAssignments) {
      set({ documentAssignments });
    },
  };
});
