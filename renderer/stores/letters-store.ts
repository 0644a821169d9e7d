// Letters, their writers and assignments, document versions and their assignments, and the
// applications they attach to: one store so the matrix always shows one consistent state.
import { create } from 'zustand';
import type { Application } from '../../shared/domain/application';
import type { Letter, LetterAssignment, LetterSettings, LetterWriter } from '../../shared/domain/letters';
import type { DocumentAssignment, DocumentVersion } from '../../shared/domain/documents';
import { api, errorMessage } from '../api/client';

interface LettersState {
  writers: LetterWriter[];
  letters: Letter[];
  assignments: LetterAssignment[];
  settings: LetterSettings | null;
  documents: DocumentVersion[];
  documentAssignments: DocumentAssignment[];
  applications: Application[];
  loaded: boolean;
  loadError: string | null;
  load(): Promise<void>;
  setAssignments(a: LetterAssignment[]): void;
  setDocumentAssignments(a: DocumentAssignment[]): void;
}

export const useLettersStore = create<LettersState>((set) => ({
  writers: [],
  letters: [],
  assignments: [],
  settings: null,
  documents: [],
  documentAssignments: [],
  applications: [],
  loaded: false,
  loadError: null,
  async load() {
    try {
      const [writers, letters, assignments, settings, documents, documentAssignments, applications] = await Promise.all([
        api('writers.list'),
        api('letters.list'),
        api('letters.assignments'),
        api('letters.settings'),
        api('documents.list'),
        api('documents.assignments'),
        api('applications.list'),
      ]);
      set({ writers, letters, assignments, settings, documents, documentAssignments, applications, loaded: true, loadError: null });
    } catch (err) {
      set({ loadError: errorMessage(err), loaded: true });
    }
  },
  setAssignments(assignments) {
    set({ assignments });
  },
  setDocumentAssignments(documentAssignments) {
    set({ documentAssignments });
  },
}));
