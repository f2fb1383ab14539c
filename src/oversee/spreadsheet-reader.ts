// Reads a spreadsheet (xlsx through exceljs, csv through csv-parse) into rows of cell text, the
// input of caiq-rows.ts. For xlsx, the first sheet with a recognisable question header wins.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { WardenError } from '../errors.ts';

export async function readSheets(file: string): Promise<string[][][]> {
  const lower = file.toLowerCase();
  if (lower.endsWith('.csv')) {
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    return [parse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][]];
  }
  if (!lower.endsWith('.xlsx')) throw new WardenError('bad_input', 'expects a .xlsx or .csv file', file);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (err) {
    throw new WardenError('bad_input', `not a readable xlsx workbook (${err instanceof Error ? err.message.slice(0, 120) : 'unknown'})`, file);
  }
  return wb.worksheets.map((ws) => {
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cell.text ?? '';
      });
      rows[n - 1] = Array.from(cells, (c) => c ?? '');
    });
    return Array.from(rows, (r) => r ?? []);
  });
}
