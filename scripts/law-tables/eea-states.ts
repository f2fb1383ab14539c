// EU and EEA member states: the GDPR applies in each; breaches are notified to the member
// state's supervisory authority (Art. 33) and, on high risk, to the individuals (Art. 34).
// Authority names from the EDPB's list of members; generate-laws.ts writes laws/XX.yaml.

export interface EeaRow {
  code: string;
  name: string;
  authority: string;
  eea?: boolean; // EEA but not EU: GDPR applies through the EEA Agreement
}

export const EEA_STATES: EeaRow[] = [
  { code: 'AT', name: 'Austria', authority: 'Österreichische Datenschutzbehörde (Austrian Data Protection Authority)' },
  { code: 'BE', name: 'Belgium', authority: 'Autorité de protection des données / Gegevensbeschermingsautoriteit' },
  { code: 'BG', name: 'Bulgaria', authority: 'Commission for Personal Data Protection (KZLD)' },
  { code: 'HR', name: 'Croatia', authority: 'Agencija za zaštitu osobnih podataka (AZOP)' },
  { code: 'CY', name: 'Cyprus', authority: 'Commissioner for Personal Data Protection' },
  { code: 'CZ', name: 'Czechia', authority: 'Úřad pro ochranu osobních údajů (UOOU)' },
  { code: 'DK', name: 'Denmark', authority: 'Datatilsynet' },
  { code: 'EE', name: 'Estonia', authority: 'Andmekaitse Inspektsioon (Data Protection Inspectorate)' },
  { code: 'FI', name: 'Finland', authority: 'Office of the Data Protection Ombudsman (Tietosuojavaltuutetun toimisto)' },
  { code: 'FR', name: 'France', authority: 'Commission nationale de l\'informatique et des libertés (CNIL)' },
  { code: 'DE', name: 'Germany', authority: 'the competent Land data protection authority (BfDI for telecom and postal services)' },
  { code: 'GR', name: 'Greece', authority: 'Hellenic Data Protection Authority' },
  { code: 'HU', name: 'Hungary', authority: 'Nemzeti Adatvédelmi és Információszabadság Hatóság (NAIH)' },
  { code: 'IE', name: 'Ireland', authority: 'Data Protection Commission' },
  { code: 'IT', name: 'Italy', authority: 'Garante per la protezione dei dati personali' },
  { code: 'LV', name: 'Latvia', authority: 'Datu valsts inspekcija (Data State Inspectorate)' },
  { code: 'LT', name: 'Lithuania', authority: 'Valstybinė duomenų apsaugos inspekcija (State Data Protection Inspectorate)' },
  { code: 'LU', name: 'Luxembourg', authority: 'Commission nationale pour la protection des données (CNPD)' },
  { code: 'MT', name: 'Malta', authority: 'Information and Data Protection Commissioner (IDPC)' },
  { code: 'NL', name: 'Netherlands', authority: 'Autoriteit Persoonsgegevens' },
  { code: 'PL', name: 'Poland', authority: 'Prezes Urzędu Ochrony Danych Osobowych (UODO)' },
  { code: 'PT', name: 'Portugal', authority: 'Comissão Nacional de Proteção de Dados (CNPD)' },
  { code: 'RO', name: 'Romania', authority: 'Autoritatea Națională de Supraveghere a Prelucrării Datelor cu Caracter Personal (ANSPDCP)' },
  { code: 'SK', name: 'Slovakia', authority: 'Úrad na ochranu osobných údajov' },
  { code: 'SI', name: 'Slovenia', authority: 'Informacijski pooblaščenec (Information Commissioner)' },
  { code: 'ES', name: 'Spain', authority: 'Agencia Española de Protección de Datos (AEPD)' },
  { code: 'SE', name: 'Sweden', authority: 'Integritetsskyddsmyndigheten (IMY)' },
  { code: 'IS', name: 'Iceland', authority: 'Persónuvernd', eea: true },
  { code: 'LI', name: 'Liechtenstein', authority: 'Datenschutzstelle', eea: true },
  { code: 'NO', name: 'Norway', authority: 'Datatilsynet', eea: true },
];
