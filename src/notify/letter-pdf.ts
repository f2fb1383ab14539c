// Lays out notice letters as PDF pages with pdfkit, in a Japanese font shipped through npm
// (Noto Sans JP, TrueType) so a fresh machine renders kanji. Takes rendered letter text; a line
// starting with "■" or written in capitals is a heading.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FONT_PATH = require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf');
// pdfkit's own fontkit: one parsed font object is shared by every document, so the glyph and
// layout caches built for the first letter serve all the others (a fresh parse per letter costs
// ~0.3 s of layout warm-up).
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(bytes: Uint8Array): unknown };
let sharedFont: unknown;

function font(): Buffer {
  sharedFont ??= fontkit.create(readFileSync(FONT_PATH));
  // pdfkit accepts a fontkit font object where its types say Buffer.
  return sharedFont as Buffer;
}

export function newLetterDocument(): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', margin: 56, autoFirstPage: false, info: { Title: 'Notice' } });
  doc.registerFont('jp', font());
  return doc;
}

function isHeading(line: string): boolean {
  return line.startsWith('■') || (/^[A-Z][A-Z ]{3,}$/.test(line) && line === line.toUpperCase());
}

/** Adds one letter (starting on a new page) to the document. */
export function addLetter(doc: PDFKit.PDFDocument, text: string): void {
  doc.addPage();
  doc.font('jp');
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      doc.moveDown(0.5);
      continue;
    }
    if (isHeading(line)) doc.moveDown(0.3).fontSize(12.5).text(line).fontSize(10.5);
    else doc.fontSize(10.5).text(line, { lineGap: 2 });
  }
}

/** Ends the document and collects its bytes. */
export function finishDocument(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
