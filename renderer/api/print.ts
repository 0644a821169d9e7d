// Printing the page (the advisor report): the desktop app saves a PDF through its shell
// (Electron's printToPDF, to a file the user chooses); browser mode opens the browser's print
// dialog, where "Save as PDF" is one of the printers. Both use the same print stylesheet.
interface PrintBridge {
  printToPdf?(suggestedName: string): Promise<{ saved: boolean; path?: string }>;
}

function bridge(): PrintBridge | undefined {
  return (globalThis as { prelim?: PrintBridge }).prelim;
}

/** True in the desktop app, where "Save as PDF" writes a file directly. */
export function canSavePdf(): boolean {
  return typeof bridge()?.printToPdf === 'function';
}

/** Saves a PDF (desktop) and says where, or opens the browser's print dialog and returns null. */
export async function printOrSavePdf(suggestedName: string): Promise<string | null> {
  const b = bridge();
  if (b?.printToPdf) {
    const r = await b.printToPdf(suggestedName);
    return r.saved ? `Saved the report as ${r.path ?? suggestedName}.` : 'Not saved.';
  }
  window.print();
  return null;
}
