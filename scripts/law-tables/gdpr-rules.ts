// The GDPR's breach rules (Arts. 33 and 34), shared by every EU/EEA state's law file: only the
// supervisory authority differs. Data shapes follow src/obligations/law-schema.ts.

export const MALICIOUS = ['unauthorized_access', 'ransomware', 'malware', 'insider_misuse'];
export const ACCIDENTAL = ['lost_device', 'misdelivery', 'accidental_disclosure'];
export const HIGH_RISK_DATA = [
  'health',
  'biometric',
  'national_id',
  'passport',
  'drivers_license',
  'financial_account',
  'payment_card',
  'account_credentials',
  'precise_geolocation',
];

export function gdprLaw(authority: string, lawName = 'GDPR', prefix = 'GDPR') {
  return {
    law: lawName,
    title: 'General Data Protection Regulation (EU) 2016/679',
    citation: `${prefix} Arts. 33-34`,
    effective_from: '2018-05-25',
    source: 'settled',
    sources: ['https://eur-lex.europa.eu/eli/reg/2016/679/oj'],
    rules: [
      {
        id: 'gdpr-regulator',
        notify: 'regulator',
        recipient: authority,
        citation: `${prefix} Art. 33(1)`,
        required_if: {
          all: [
            { not: { encrypted: true } },
            { any: [{ cause_in: MALICIOUS }, { data_any: HIGH_RISK_DATA }, { misuse_confirmed: true }] },
          ],
        },
        assess_if: { min_affected: 1 },
        assess_question:
          'Is the breach unlikely to result in a risk to the rights and freedoms of natural persons? ' +
          `If so, record it under ${prefix} Art. 33(5) instead of notifying`,
        deadline: [
          {
            kind: 'hours',
            amount: 72,
            from: 'awareness',
            due: 'without undue delay and, where feasible, not later than 72 hours after becoming aware',
          },
        ],
        content: [
          'nature of the breach, categories and approximate numbers of data subjects and records',
          'name and contact details of the DPO or other contact point',
          'likely consequences',
          'measures taken or proposed',
        ],
      },
      {
        id: 'gdpr-individuals',
        notify: 'individuals',
        recipient: 'affected data subjects',
        citation: `${prefix} Art. 34(1)`,
        exempt_if: [
          {
            when: { encrypted: true },
            reason: 'the data was unintelligible to anyone not authorised to access it (encryption)',
            citation: `${prefix} Art. 34(3)(a)`,
          },
        ],
        required_if: { any: [{ data_any: HIGH_RISK_DATA }, { misuse_confirmed: true }] },
        assess_if: { min_affected: 1 },
        assess_question: `Is the breach likely to result in a high risk to the individuals (${prefix} Art. 34(1))?`,
        deadline: [{ kind: 'none', due: 'without undue delay' }],
        content: ['plain-language description', 'contact point', 'likely consequences', 'measures taken'],
      },
      {
        id: 'gdpr-processor',
        notify: 'controller',
        role: 'processor',
        recipient: 'the controller',
        citation: `${prefix} Art. 33(2)`,
        deadline: [{ kind: 'none', due: 'without undue delay after becoming aware of the breach' }],
      },
    ],
  };
}
