// The US state, DC and territory breach-notification table that generate-laws.ts turns into
// laws/US-XX.yaml. Facts compiled from the statutes as summarised in public state-law charts;
// rows marked `settled: true` were checked against quoted statute text, the rest are secondary.
// ind/ag/cra: deadline in days (null = "most expedient time / without unreasonable delay").

export interface StateRow {
  code: string;
  name: string;
  cite: string;
  extra: string[]; // data categories beyond SSN, driver's licence, account and card numbers
  cred: boolean; // user name or email with password counts on its own
  harm: boolean; // a risk-of-harm exception lets an investigation conclude no notice is due
  ind: number | null;
  ag?: { min: number; who: string; days?: number; bdays?: boolean; after?: number; with?: boolean; cite?: string };
  cra?: number;
  agency?: Array<{ who: string; cite: string; days?: number }>;
  proc?: number; // days a processor has to tell the owner (null: immediately / without delay)
  from?: string; // effective date of the version described
  prior?: { until: string; ind: number | null; ag?: StateRow['ag']; noAg?: boolean }; // the version before
  settled?: boolean;
  src?: string[];
}

const M = ['health'];
const B = ['biometric'];
const P = ['passport'];

export const US_STATES: StateRow[] = [
  { code: 'AL', name: 'Alabama', cite: 'Ala. Code § 8-38-5', extra: [...P, ...M], cred: true, harm: true, ind: 45, ag: { min: 1001, who: 'Alabama Attorney General', days: 45, cite: 'Ala. Code § 8-38-6' }, cra: 1001, proc: 10 },
  { code: 'AK', name: 'Alaska', cite: 'Alaska Stat. § 45.48.010', extra: [], cred: true, harm: true, ind: null, cra: 1001 },
  { code: 'AZ', name: 'Arizona', cite: 'Ariz. Rev. Stat. § 18-552', extra: [...P, ...M, ...B], cred: true, harm: true, ind: 45, ag: { min: 1001, who: 'Arizona Attorney General', days: 45 }, cra: 1001 },
  { code: 'AR', name: 'Arkansas', cite: 'Ark. Code § 4-110-105', extra: [...M, ...B], cred: false, harm: true, ind: null, ag: { min: 1001, who: 'Arkansas Attorney General', days: 45 }, cra: 1001 },
  {
    code: 'CA', name: 'California', cite: 'Cal. Civ. Code § 1798.82(a)(2)', extra: [...P, ...M, ...B], cred: true, harm: false,
    ind: 30, ag: { min: 501, who: 'California Attorney General', after: 15, cite: 'Cal. Civ. Code § 1798.82(f)' },
    from: '2026-01-01', prior: { until: '2026-01-01', ind: null, ag: { min: 501, who: 'California Attorney General', with: true, cite: 'Cal. Civ. Code § 1798.82(f)' } },
    settled: true, src: ['https://dailyjournal.com/articles/388637', 'https://www.dataprotectionreport.com/2025/11/california-tightens-data-breach-notification-timelines-imposes-30-day-notice-requirement/'],
  },
  { code: 'CO', name: 'Colorado', cite: 'Colo. Rev. Stat. § 6-1-716', extra: [...P, ...M, ...B], cred: true, harm: true, ind: 30, ag: { min: 500, who: 'Colorado Attorney General', days: 30 }, cra: 1001 },
  { code: 'CT', name: 'Connecticut', cite: 'Conn. Gen. Stat. § 36a-701b', extra: [...P, ...M, ...B], cred: true, harm: true, ind: 60, ag: { min: 1, who: 'Connecticut Attorney General', with: true } },
  { code: 'DE', name: 'Delaware', cite: 'Del. Code tit. 6, § 12B-102', extra: [...P, ...M, ...B], cred: true, harm: true, ind: 60, ag: { min: 501, who: 'Delaware Attorney General', with: true } },
  { code: 'DC', name: 'District of Columbia', cite: 'D.C. Code § 28-3852', extra: [...P, ...M, ...B], cred: true, harm: true, ind: null, ag: { min: 50, who: 'D.C. Attorney General', with: true }, cra: 1001 },
  { code: 'FL', name: 'Florida', cite: 'Fla. Stat. § 501.171(4)', extra: [...P, ...M], cred: true, harm: true, ind: 30, ag: { min: 500, who: 'Florida Department of Legal Affairs (Attorney General)', days: 30, cite: 'Fla. Stat. § 501.171(3)' }, cra: 1001, proc: 10 },
  { code: 'GA', name: 'Georgia', cite: 'Ga. Code § 10-1-912', extra: [], cred: false, harm: false, ind: null, cra: 10001 },
  { code: 'HI', name: 'Hawaii', cite: 'Haw. Rev. Stat. § 487N-2', extra: [], cred: false, harm: true, ind: null, agency: [], ag: { min: 1001, who: 'Hawaii Office of Consumer Protection', with: true }, cra: 1001 },
  { code: 'ID', name: 'Idaho', cite: 'Idaho Code § 28-51-105', extra: [], cred: false, harm: true, ind: null },
  { code: 'IL', name: 'Illinois', cite: '815 ILCS 530/10', extra: [...M, ...B], cred: true, harm: false, ind: null, ag: { min: 501, who: 'Illinois Attorney General', with: true } },
  { code: 'IN', name: 'Indiana', cite: 'Ind. Code § 24-4.9-3-3', extra: [], cred: false, harm: true, ind: 45, ag: { min: 1, who: 'Indiana Attorney General', with: true }, cra: 1001 },
  { code: 'IA', name: 'Iowa', cite: 'Iowa Code § 715C.2', extra: [...B], cred: false, harm: true, ind: null, ag: { min: 501, who: 'Iowa Attorney General (Consumer Protection Division)', after: 5, bdays: true } },
  { code: 'KS', name: 'Kansas', cite: 'Kan. Stat. § 50-7a02', extra: [], cred: false, harm: true, ind: null, cra: 1001 },
  { code: 'KY', name: 'Kentucky', cite: 'Ky. Rev. Stat. § 365.732', extra: [], cred: false, harm: true, ind: null, cra: 1001 },
  { code: 'LA', name: 'Louisiana', cite: 'La. Rev. Stat. § 51:3074', extra: [...P, ...B], cred: false, harm: true, ind: 60, ag: { min: 1, who: 'Louisiana Attorney General', after: 10 } },
  { code: 'ME', name: 'Maine', cite: 'Me. Rev. Stat. tit. 10, § 1348', extra: [], cred: true, harm: true, ind: 30, ag: { min: 1, who: 'Maine Attorney General', with: true }, cra: 1001 },
  { code: 'MD', name: 'Maryland', cite: 'Md. Code, Com. Law § 14-3504', extra: [...P, ...M, ...B], cred: true, harm: true, ind: 45, ag: { min: 1, who: 'Maryland Attorney General', with: true }, cra: 1001 },
  { code: 'MA', name: 'Massachusetts', cite: 'Mass. Gen. Laws ch. 93H, § 3', extra: [], cred: false, harm: false, ind: null, ag: { min: 1, who: 'Massachusetts Attorney General', with: true }, agency: [{ who: 'Massachusetts Office of Consumer Affairs and Business Regulation', cite: 'Mass. Gen. Laws ch. 93H, § 3(b)' }] },
  { code: 'MI', name: 'Michigan', cite: 'Mich. Comp. Laws § 445.72', extra: [], cred: false, harm: true, ind: null, cra: 1001 },
  { code: 'MN', name: 'Minnesota', cite: 'Minn. Stat. § 325E.61', extra: [], cred: false, harm: false, ind: null, cra: 501 },
  { code: 'MS', name: 'Mississippi', cite: 'Miss. Code § 75-24-29', extra: [], cred: false, harm: true, ind: null },
  { code: 'MO', name: 'Missouri', cite: 'Mo. Rev. Stat. § 407.1500', extra: [...M], cred: false, harm: true, ind: null, ag: { min: 1001, who: 'Missouri Attorney General', with: true }, cra: 1001 },
  { code: 'MT', name: 'Montana', cite: 'Mont. Code § 30-14-1704', extra: [...M], cred: false, harm: false, ind: null, ag: { min: 1, who: 'Montana Office of Consumer Protection (Attorney General)', with: true } },
  { code: 'NE', name: 'Nebraska', cite: 'Neb. Rev. Stat. § 87-803', extra: [...B], cred: true, harm: true, ind: null, ag: { min: 1, who: 'Nebraska Attorney General', with: true } },
  { code: 'NV', name: 'Nevada', cite: 'Nev. Rev. Stat. § 603A.220', extra: [], cred: true, harm: false, ind: null, cra: 1001 },
  { code: 'NH', name: 'New Hampshire', cite: 'N.H. Rev. Stat. § 359-C:20', extra: [], cred: false, harm: true, ind: null, ag: { min: 1, who: 'New Hampshire Attorney General', with: true }, cra: 1001 },
  { code: 'NJ', name: 'New Jersey', cite: 'N.J. Stat. § 56:8-163', extra: [], cred: true, harm: true, ind: null, agency: [{ who: 'New Jersey Division of State Police', cite: 'N.J. Stat. § 56:8-163(c)(1)' }], cra: 1001 },
  { code: 'NM', name: 'New Mexico', cite: 'N.M. Stat. § 57-12C-6', extra: [...B], cred: false, harm: true, ind: 45, ag: { min: 1001, who: 'New Mexico Attorney General', days: 45 }, cra: 1001 },
  {
    code: 'NY', name: 'New York', cite: 'N.Y. Gen. Bus. Law § 899-aa(2)', extra: [...B], cred: true, harm: false, ind: 30,
    ag: { min: 1, who: 'New York Attorney General', with: true, cite: 'N.Y. Gen. Bus. Law § 899-aa(8)(a)' },
    agency: [
      { who: 'New York Department of State', cite: 'N.Y. Gen. Bus. Law § 899-aa(8)(a)' },
      { who: 'New York Division of State Police', cite: 'N.Y. Gen. Bus. Law § 899-aa(8)(a)' },
    ],
    cra: 5001, from: '2024-12-21', prior: { until: '2024-12-21', ind: null }, settled: true,
    src: ['https://www.covingtonblogs.com/2025/01/07/new-york-adopts-amendment-to-the-state-data-breach-notification-law/'],
  },
  { code: 'NC', name: 'North Carolina', cite: 'N.C. Gen. Stat. § 75-65', extra: [...B], cred: true, harm: true, ind: null, ag: { min: 1, who: 'North Carolina Attorney General (Consumer Protection Division)', with: true }, cra: 1001 },
  { code: 'ND', name: 'North Dakota', cite: 'N.D. Cent. Code § 51-30-02', extra: ['date_of_birth', ...M], cred: false, harm: false, ind: null, ag: { min: 251, who: 'North Dakota Attorney General', with: true } },
  { code: 'OH', name: 'Ohio', cite: 'Ohio Rev. Code § 1349.19', extra: [], cred: false, harm: true, ind: 45, cra: 1001 },
  { code: 'OK', name: 'Oklahoma', cite: 'Okla. Stat. tit. 24, § 163', extra: [...B], cred: false, harm: true, ind: null, ag: { min: 500, who: 'Oklahoma Attorney General', after: 60 }, cra: 1001, from: '2026-01-01', prior: { until: '2026-01-01', ind: null, noAg: true }, src: ['https://www.insideprivacy.com/cybersecurity-2/oklahoma-substantially-amends-its-data-breach-notification-statute'] },
  { code: 'OR', name: 'Oregon', cite: 'Or. Rev. Stat. § 646A.604', extra: [...P, ...M, ...B], cred: true, harm: true, ind: 45, ag: { min: 251, who: 'Oregon Attorney General', days: 45 }, cra: 1001 },
  { code: 'PA', name: 'Pennsylvania', cite: '73 Pa. Stat. § 2303', extra: [...M], cred: true, harm: false, ind: null, ag: { min: 501, who: 'Pennsylvania Attorney General', with: true }, cra: 1001, from: '2024-09-26', prior: { until: '2024-09-26', ind: null, noAg: true } },
  { code: 'RI', name: 'Rhode Island', cite: 'R.I. Gen. Laws § 11-49.3-4', extra: [...P, ...M], cred: true, harm: true, ind: 45, ag: { min: 501, who: 'Rhode Island Attorney General', with: true }, cra: 501 },
  { code: 'SC', name: 'South Carolina', cite: 'S.C. Code § 39-1-90', extra: [], cred: false, harm: true, ind: null, ag: { min: 1001, who: 'South Carolina Department of Consumer Affairs', with: true }, cra: 1001 },
  { code: 'SD', name: 'South Dakota', cite: 'S.D. Codified Laws § 22-40-20', extra: [...M, ...B], cred: true, harm: true, ind: 60, ag: { min: 251, who: 'South Dakota Attorney General', days: 60 }, cra: 1 },
  { code: 'TN', name: 'Tennessee', cite: 'Tenn. Code § 47-18-2107', extra: [], cred: false, harm: false, ind: 45, cra: 1001 },
  { code: 'TX', name: 'Texas', cite: 'Tex. Bus. & Com. Code § 521.053(b)', extra: [...M], cred: false, harm: false, ind: 60, ag: { min: 250, who: 'Texas Attorney General', days: 30, cite: 'Tex. Bus. & Com. Code § 521.053(i)' }, cra: 10001 },
  { code: 'UT', name: 'Utah', cite: 'Utah Code § 13-44-202', extra: [], cred: false, harm: true, ind: null, ag: { min: 500, who: 'Utah Attorney General and Utah Cyber Center', with: true }, cra: 1001 },
  { code: 'VT', name: 'Vermont', cite: '9 Vt. Stat. § 2435(b)', extra: [...P, ...M, ...B], cred: true, harm: true, ind: 45, ag: { min: 1, who: 'Vermont Attorney General (preliminary notice)', days: 14, bdays: true, cite: '9 Vt. Stat. § 2435(b)(3)' }, cra: 1001 },
  { code: 'VA', name: 'Virginia', cite: 'Va. Code § 18.2-186.6', extra: [], cred: false, harm: true, ind: null, ag: { min: 1, who: 'Virginia Attorney General', with: true }, cra: 1001 },
  { code: 'WA', name: 'Washington', cite: 'Wash. Rev. Code § 19.255.010', extra: [...P, ...M, ...B, 'date_of_birth'], cred: true, harm: true, ind: 30, ag: { min: 501, who: 'Washington Attorney General', days: 30 } },
  { code: 'WV', name: 'West Virginia', cite: 'W. Va. Code § 46A-2A-102', extra: [], cred: false, harm: true, ind: null, cra: 1001 },
  { code: 'WI', name: 'Wisconsin', cite: 'Wis. Stat. § 134.98', extra: [...B], cred: false, harm: true, ind: 45, cra: 1001 },
  { code: 'WY', name: 'Wyoming', cite: 'Wyo. Stat. § 40-12-502', extra: [...P, ...M, ...B], cred: true, harm: true, ind: null },
  { code: 'PR', name: 'Puerto Rico', cite: 'P.R. Laws tit. 10, § 4052', extra: [...M], cred: true, harm: false, ind: null, agency: [{ who: 'Puerto Rico Department of Consumer Affairs (DACO)', cite: 'P.R. Laws tit. 10, § 4052', days: 10 }] },
  { code: 'GU', name: 'Guam', cite: '9 Guam Code Ann. § 48.30', extra: [], cred: false, harm: true, ind: null },
  { code: 'VI', name: 'U.S. Virgin Islands', cite: 'V.I. Code tit. 14, § 2209', extra: [], cred: false, harm: false, ind: null },
];
