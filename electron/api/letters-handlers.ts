// Letter writers, letters and their assignments to applications.
import type { Handlers } from '../../shared/api/contract';
import type { lettersApi } from '../../shared/api/letters-api';
import { AppError } from '../errors';
import { OK, type HandlerContext } from './context';
import { createSeasonContext } from './season-context';

export function createLettersHandlers({ repos, clock }: HandlerContext): Pick<Handlers, keyof typeof lettersApi> {
  const letters = repos.letters;
  return {
    'writers.list': () => letters.writers(),
    'writers.save': (input) => letters.saveWriter(input, clock.now()),
    'writers.delete': ({ id }) => (letters.deleteWriter(id), OK),
    'letters.list': () => letters.letters(),
    'letters.save': (input) => letters.saveLetter(input, clock.now()),
    'letters.setStage': ({ id, stage, date }) => letters.setStage(id, stage, date ?? clock.today(), clock.now(), clock.today()),
    'letters.delete': ({ id }) => (letters.deleteLetter(id), OK),
    'letters.assignments': () => letters.assignments(),
    'letters.assign': (input) => {
      // The day it was assigned (back-filled or today); taking a letter off keeps no day.
      const problem = input.assigned ? createSeasonContext(repos).dayProblem(input.date, clock.today(), 'an assignment') : null;
      if (problem) throw new AppError('invalid_input', problem);
      return letters.setAssigned(input);
    },
    'letters.settings': () => letters.settings(),
    'letters.saveSettings': (input) => letters.saveSettings(input),
  };
}
