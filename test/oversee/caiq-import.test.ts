// Importing a customer-supplied CAIQ v4-shaped workbook (written here with exceljs: title rows,
// then "Question ID / Question / CSP CAIQ Answer / CCM Control ID") and a SIG-shaped CSV into the
// questionnaire model, with the vendor's answers scored; bad rows reported by row, not fatal.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { importInventory } from '../../src/inventory/inventory-store.ts';
import { getAssessment } from '../../src/oversee/assessment-store.ts';
import { listFindings } from '../../src/oversee/findings-store.ts';
import { importCaiq } from '../../src/oversee/import-caiq.ts';
import { getQuestionnaire } from '../../src/oversee/library.ts';
import { freshStore, type TestStore } from '../support/dialects.ts';
import { twoVendorInventory } from './fixtures.ts';

describe('CAIQ / SIG spreadsheet import', () => {
  let t: TestStore;
  let dir: string;
  before(async () => {
    t = await freshStore('sqlite');
    await importInventory(t.store, twoVendorInventory());
    dir = mkdtempSync(join(tmpdir(), 'warden-caiq-'));
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.drop();
  });

  async function writeCaiq(file: string): Promise<void> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Introduction').addRow(['This sheet only explains the workbook.']);
    const ws = wb.addWorksheet('CAIQv4.0.3');
    ws.addRow(['Consensus Assessments Initiative Questionnaire (test fixture)']);
    ws.addRow([]);
    ws.addRow(['Question ID', 'Question', 'CSP CAIQ Answer', 'SSRM Control Ownership', 'CSP Implementation Description', 'CCM Control ID']);
    ws.addRow(['A&A-01.1', 'Are audit policies established and maintained?', 'Yes', 'CSP-owned', 'yearly', 'A&A-01']);
    ws.addRow(['IAM-14.1', 'Is strong authentication required for privileged access?', 'No', 'Shared', '', 'IAM-14']);
    ws.addRow(['DSP-17.1', 'Are sensitive data transfers limited?', 'NA', 'CSP-owned', '', 'DSP-17']);
    ws.addRow(['IAM-02.1', 'Are user access policies reviewed?', 'Maybe', 'CSP-owned', '', 'IAM-02']);
    ws.addRow(['', 'A question without an id', 'Yes', '', '', '']);
    ws.addRow(['IAM-14.1', 'Duplicate id kept under a suffix', 'Yes', '', '', 'IAM-14']);
    await wb.xlsx.writeFile(file);
  }

  test('an xlsx with title rows imports its questions, control ids and answers; bad rows are reported', async () => {
    const file = join(dir, 'vendor-caiq.xlsx');
    await writeCaiq(file);
    const r = await importCaiq(t.store, file, { vendor: 'crm-vendor' }, 'analyst');
    assert.equal(r.questions, 5);
    assert.equal(r.answers, 4);
    assert.deepEqual(r.problems.map((p) => p.where), ['vendor-caiq.xlsx:7', 'vendor-caiq.xlsx:8']);
    assert.match(r.problems[0]!.message, /not Yes, No or NA/);
    const q = await getQuestionnaire(t.store, r.questionnaire);
    assert.deepEqual(q.questions.map((x) => x.id), ['A-A-01.1', 'IAM-14.1', 'DSP-17.1', 'IAM-02.1', 'IAM-14.1-2']);
    assert.deepEqual(q.questions[1]!.controls, ['CAIQ:IAM-14']);
    assert.equal(q.questions[0]!.source, 'A&A-01.1');
    assert.ok(r.assessment);
    // yes + na pass, no fails, the unreadable answer stays unanswered and counts against: 3 of 5.
    assert.equal(r.assessment.score, 60);
    const a = await getAssessment(t.store, r.assessment.id);
    assert.equal(a.status, 'scored');
    const findings = await listFindings(t.store, { assessment_id: a.id });
    assert.deepEqual(findings.map((f) => f.question_id).sort(), ['IAM-02.1', 'IAM-14.1']);
  });

  test('a SIG-shaped csv imports as a questionnaire without creating an assessment when no vendor is named', async () => {
    const file = join(dir, 'sig-lite.csv');
    writeFileSync(file, '\uFEFFQues Num,Question/Request,Response,Additional Information\nA.1,"Is there a risk assessment program, approved by management?",Yes,\nA.2,Are third parties assessed?,No,\n');
    const r = await importCaiq(t.store, file, { id: 'sig-lite' }, 'analyst');
    assert.equal(r.questionnaire, 'sig-lite');
    assert.equal(r.questions, 2);
    assert.equal(r.assessment, null);
    assert.equal((await getQuestionnaire(t.store, 'sig-lite')).questions[0]!.text, 'Is there a risk assessment program, approved by management?');
  });

  test('a sheet without a recognisable header, or a non-spreadsheet, is refused with the file named', async () => {
    const file = join(dir, 'random.csv');
    writeFileSync(file, 'a,b,c\n1,2,3\n');
    await assert.rejects(importCaiq(t.store, file, {}, 'analyst'), /no header row/);
    const bogus = join(dir, 'bogus.xlsx');
    writeFileSync(bogus, 'not a zip');
    await assert.rejects(importCaiq(t.store, bogus, {}, 'analyst'), /not a readable xlsx/);
    await assert.rejects(importCaiq(t.store, join(dir, 'x.pdf'), {}, 'analyst'), /expects a .xlsx or .csv/);
  });
});
