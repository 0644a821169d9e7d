import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DryRun, PASTE_EXAMPLE, TransferScreen } from '../../renderer/screens/transfer/TransferScreen';
import { useProgramsStore } from '../../renderer/stores/programs-store';
import { transferApi, type ImportPlan, type ImportPreview } from '../../shared/api/transfer-api';
import { installFakeTransport } from './fake-transport';

const CSV = 'Program Name,City,Min Step 2\nLakeview,Dayton,220\nBad,Austin,900\n';
const preview: ImportPreview = {
  kind: 'programs',
  format: 'csv',
  detected: 'CSV separated by commas, UTF-8',
  headers: ['Program Name', 'City', 'Min Step 2'],
  headerRow: 1,
  rowCount: 2,
  sample: [
    ['Lakeview', 'Dayton', '220'],
    ['Bad', 'Austin', '900'],
  ],
  mapping: ['institution', 'city', 'minStep2ck'],
  hidden: [false, false, false],
  sheets: ['CSV'],
  sheet: 'CSV',
  skipped: [],
};
const plan: ImportPlan = {
  kind: 'programs',
  rowCount: 2,
  add: 1,
  update: 0,
  unchanged: 0,
  blank: 0,
  problems: [{ row: 3, column: 'Min Step 2', message: 'A Step 2 CK minimum is between 1 and 300.' }],
  rows: [
    { row: 2, action: 'add', label: 'Lakeview (Preliminary)' },
    { row: 3, action: 'problem', label: 'Bad (Preliminary)' },
  ],
  fileProblem: null,
};

let fake: ReturnType<typeof installFakeTransport>;
let previewAnswer: unknown;

beforeEach(() => {
  localStorage.clear();
  previewAnswer = preview;
  fake = installFakeTransport({
    'import.preview': () => previewAnswer,
    'import.check': () => plan,
    'import.run': () => ({ ...plan, skipped: 1, backup: { file: 'prelim-tracker-2026-11-25T10-00-00-000Z-before-import.db', reason: 'before-import', createdAt: '2026-11-25T10:00:00.000Z', size: 1 } }),
    'programs.list': () => [],
    'export.file': (input) => ({ fileName: `prelim-tracker-${(input as { what: string }).what}.csv`, mimeType: 'text/csv', base64: btoa('a,b\r\n') }),
    'export.all': () => ({ fileName: 'prelim-tracker-export-2026-11-25.json', mimeType: 'application/json', base64: btoa('{}') }),
  });
});

afterEach(() => vi.restoreAllMocks());

const fileInput = () => screen.getByLabelText('Choose a CSV or Excel file of programs');
const holds = (header: string) => screen.getByLabelText<HTMLSelectElement>(`What the column "${header}" holds`);

describe('Import & export screen', () => {
  it('shows the guessed mapping and the dry run with every problem by row and column, and imports only when told to leave them out', async () => {
    // A screen showing the programs (e.g. in another window) is open meanwhile.
    const unwatch = useProgramsStore.getState().watch();
    render(<TransferScreen />);
    await userEvent.upload(fileInput(), new File([CSV], 'programs.csv', { type: 'text/csv' }));
    await screen.findByText('Problems to fix');
    expect(holds('Program Name').value).toBe('institution');
    expect(holds('Min Step 2').value).toBe('minStep2ck');
    const sent = fake.calls.find((c) => c.method === 'import.preview')!.input as { file: { name: string; base64: string } };
    expect(sent.file.name).toBe('programs.csv');
    expect(atob(sent.file.base64)).toBe(CSV);
    expect(screen.getByText('programs.csv')).toBeTruthy();

    const rows = within(document.querySelector('.problems-table')!).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual(['RowColumnWhat to fix', '3Min Step 2A Step 2 CK minimum is between 1 and 300.']);
    const importButton = screen.getByRole('button', { name: 'Import 1 program' });
    expect((importButton as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByLabelText('Import the 1 good row, skip 1 row with problems'));
    expect((importButton as HTMLButtonElement).disabled).toBe(false);
    await userEvent.click(importButton);
    await screen.findByText(/Imported: 1 program added, 0 updated, 1 row with problems left out\. Your data was backed up first/);
    expect(fake.calls.find((c) => c.method === 'import.run')!.input).toMatchObject({ kind: 'programs', mapping: ['institution', 'city', 'minStep2ck'], skipInvalid: true });
    // The import announced what it wrote: the shown programs reloaded (once, after their first load).
    await waitFor(() => expect(fake.methods().filter((m) => m === 'programs.table')).toHaveLength(2));
    unwatch();
  });

  it('lets the user change the mapping, moving a field to one column and saying what is missing', async () => {
    render(<TransferScreen />);
    await userEvent.upload(fileInput(), new File([CSV], 'programs.csv', { type: 'text/csv' }));
    await screen.findByText('Problems to fix');
    // Giving "Institution" to the City column takes it from Program Name, and the rows are checked again at once.
    const checks = () => fake.calls.filter((c) => c.method === 'import.check').length;
    const before = checks();
    await userEvent.selectOptions(holds('City'), 'institution');
    expect(holds('Program Name').value).toBe('');
    await waitFor(() => expect(checks()).toBe(before + 1));
    await userEvent.selectOptions(holds('City'), '');
    expect((await screen.findByRole('alert')).textContent).toMatch(/Choose the column with the institution name or the NRMP code/);
    expect(screen.queryByText('Problems to fix')).toBeNull();
    expect((screen.getByRole('button', { name: 'Check the rows' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.selectOptions(holds('Program Name'), 'institution');
    await screen.findByText('Problems to fix');
    expect(checks()).toBe(before + 2);
    const sent = fake.calls.filter((c) => c.method === 'import.check').at(-1)!.input;
    expect(sent).toMatchObject({ mapping: ['institution', null, 'minStep2ck'] });
    // What the screen sends passes the contract's strict schema (it once sent the preview inside "file").
    expect(transferApi['import.check'].input.safeParse(sent).error?.issues).toBeUndefined();

    // The same headers again: the user's choices come back, not the guesses.
    await userEvent.upload(fileInput(), new File([CSV], 'programs-again.csv', { type: 'text/csv' }));
    await screen.findByText(/choices you made last time/);
    expect(holds('City').value).toBe('');
    expect(holds('Program Name').value).toBe('institution');
  });

  it('a table pasted into the box is an import source, and the box\'s own example imports', async () => {
    render(<TransferScreen />);
    await userEvent.click(screen.getByText('Or paste a table'));
    await userEvent.click(screen.getByRole('button', { name: 'Read the example' }));
    await screen.findByText('Problems to fix');
    const sent = fake.calls.find((c) => c.method === 'import.preview')!.input as { file: { name: string; base64: string } };
    expect(new TextDecoder().decode(Uint8Array.from(atob(sent.file.base64), (ch) => ch.charCodeAt(0)))).toBe(PASTE_EXAMPLE.programs);
  });

  it('offers the readings of an ambiguous cell, and shows each field a re-import changes with "keep mine"', async () => {
    const ambiguous: ImportPlan = {
      ...plan,
      problems: [{ row: 3, column: 'Unfilled', col: 2, message: '"3" can be a number of Matches or of positions; choose one.', choices: [{ label: 'Unfilled in 3 of the last 4 Matches', raw: '3/4' }, { label: '3 positions unfilled in the 2026 Match', raw: '2026: 3' }] }],
      rows: [{ row: 2, action: 'update', label: 'Lakeview (Preliminary)', changes: [{ field: 'minStep2ck', label: 'Min Step 2 CK', from: '220', to: '225' }] }, { row: 3, action: 'problem', label: 'Bad (Preliminary)' }],
    };
    const calls = installFakeTransport({ 'import.preview': () => preview, 'import.check': () => ambiguous });
    render(<TransferScreen />);
    await userEvent.upload(fileInput(), new File([CSV], 'programs.csv', { type: 'text/csv' }));
    await screen.findByText('What changes in programs you have');
    await userEvent.click(screen.getByRole('button', { name: 'Unfilled in 3 of the last 4 Matches' }));
    await waitFor(() => expect(calls.calls.filter((c) => c.method === 'import.check').at(-1)!.input).toMatchObject({ cells: [{ row: 3, col: 2, raw: '3/4' }] }));
    await userEvent.click(screen.getByLabelText('Keep Min Step 2 CK of Lakeview (Preliminary) as it is (220)'));
    await waitFor(() => expect(calls.calls.filter((c) => c.method === 'import.check').at(-1)!.input).toMatchObject({ keep: ['2:minStep2ck'], cells: [{ row: 3, col: 2, raw: '3/4' }] }));
  });

  it('an applications dry run says how many invitations and interviews it records, and writes the days of a change the user\'s way', () => {
    const change = { field: 'invitation', label: 'Invitation and interview', from: 'Accepted, received 2026-10-22; interview 2026-11-18 (done)', to: 'Accepted, received 2026-10-22; interview 2026-11-19 (done)' };
    render(
      <DryRun
        kind="applications"
        plan={{ ...plan, kind: 'applications', problems: [], rows: [{ row: 2, action: 'update', label: 'Prairie Lantern (Preliminary)', changes: [change] }], records: { invitations: { add: 21, update: 1 }, interviews: { add: 17, update: 0 } } }}
        onKeep={() => {}}
      />,
    );
    expect(screen.getByText(/^With them:/).textContent).toBe('With them: 21 invitations to record, 1 invitation to update; 17 interviews to record (the Invitations inbox and the Interviews tab).');
    screen.getByRole('heading', { name: 'What changes in applications you have' });
    screen.getByRole('cell', { name: 'Accepted, received Oct 22, 2026; interview Nov 19, 2026 (done)' });
    screen.getByRole('checkbox', { name: 'Keep Invitation and interview of Prairie Lantern (Preliminary) as it is (Accepted, received Oct 22, 2026; interview Nov 18, 2026 (done))' });
  });

  it('refuses a file over 20 MB before reading it, and shows what the API says about a bad file', async () => {
    render(<TransferScreen />);
    const big = new File(['x'], 'huge.csv', { type: 'text/csv' });
    Object.defineProperty(big, 'size', { value: 50 * 1024 * 1024 });
    await userEvent.upload(fileInput(), big);
    expect((await screen.findByRole('alert')).textContent).toBe('huge.csv is 50.0 MB; import at most 20 MB at a time. Split the file or remove columns you do not need.');
    expect(fake.calls).toHaveLength(0);

    previewAnswer = { ok: false, error: { code: 'invalid_input', message: 'photo.csv is not a spreadsheet we can read (it looks like binary data).' } };
    await userEvent.upload(fileInput(), new File([new Uint8Array([0, 1, 2, 3])], 'photo.csv'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/photo\.csv is not a spreadsheet we can read/);
    expect(screen.queryByText('Columns')).toBeNull();
  });

  it('shows which step it is at while the main process checks the rows', async () => {
    let finish: (p: ImportPlan) => void = () => undefined;
    installFakeTransport({ 'import.preview': () => preview, 'import.check': () => new Promise<ImportPlan>((resolve) => (finish = resolve)) });
    render(<TransferScreen />);
    await userEvent.upload(fileInput(), new File([CSV], 'programs.csv', { type: 'text/csv' }));
    const status = await screen.findByText(/Checking 2 rows of programs\.csv/);
    expect(status.closest('[role="status"]')!.textContent).toContain('step 3 of 4');
    expect(screen.getByRole('progressbar')).toBeTruthy();
    // The rest of the screen stays usable meanwhile.
    expect((screen.getByRole('button', { name: 'Export programs as CSV' }) as HTMLButtonElement).disabled).toBe(false);
    finish(plan);
    await screen.findByText('Problems to fix');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('downloads exports and templates as files', async () => {
    const created: Blob[] = [];
    Object.assign(URL, { createObjectURL: (b: Blob) => (created.push(b), 'blob:x'), revokeObjectURL: () => undefined });
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    render(<TransferScreen />);
    await userEvent.click(screen.getByRole('button', { name: 'Export programs as CSV' }));
    await waitFor(() => expect(names).toEqual(['prelim-tracker-programs.csv']));
    expect(await created[0]!.text()).toBe('a,b\r\n');
    await userEvent.click(screen.getByRole('button', { name: 'Export everything as JSON' }));
    await userEvent.click(screen.getByRole('button', { name: 'Excel' }));
    await waitFor(() => expect(names).toEqual(['prelim-tracker-programs.csv', 'prelim-tracker-export-2026-11-25.json', 'prelim-tracker-programs-template.csv']));
    expect(fake.calls.at(-1)).toEqual({ method: 'export.file', input: { what: 'programs-template', format: 'xlsx' } });
  });
});
