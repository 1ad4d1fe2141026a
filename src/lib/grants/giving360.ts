// 360Giving Data Standard: published awards as grant records (JSON) and the flattened CSV that
// 360Giving's tools read. Identifiers follow its rules: grants "360G-<funder prefix>-<local id>",
// charities "GB-CHC-<number>", companies "GB-COH-<number>", the council "GB-LAE-<code>".
import { writeCsv } from '../csv';

/** The council as funder. OXF is Oxfordshire's code in the Local Authorities in England list. */
export const FUNDER = { id: 'GB-LAE-OXF', name: 'Oxfordshire County Council' } as const;
export const GRANT_PREFIX = '360G-OCC-WT';

export interface PublishedAward {
  applicationId: string | number;
  roundTitle: string;
  fundTitle: string;
  fundSlug: string;
  projectTitle: string;
  description: string;
  amount: number;
  decisionDate: string; // YYYY-MM-DD
  organisationName: string;
  organisationType?: string | null;
  charityNumber?: string | null;
  companyNumber?: string | null;
  area?: string | null;
  minuteReference?: string | null;
}

export interface Grant360 {
  id: string;
  title: string;
  description: string;
  currency: 'GBP';
  amountAwarded: number;
  awardDate: string;
  recipientOrganization: { id: string; name: string; charityNumber?: string; companyNumber?: string }[];
  fundingOrganization: { id: string; name: string }[];
  grantProgramme: { code: string; title: string }[];
  beneficiaryLocation?: { name: string }[];
  dateModified: string;
}

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '').toUpperCase();
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export function recipientOrgId(award: Pick<PublishedAward, 'charityNumber' | 'companyNumber' | 'organisationName'>): string {
  if (clean(award.charityNumber)) return `GB-CHC-${clean(award.charityNumber)}`;
  if (clean(award.companyNumber)) return `GB-COH-${clean(award.companyNumber)}`;
  // No registered number (many small community groups): an id in the funder's own namespace.
  return `${GRANT_PREFIX}-ORG-${slug(award.organisationName)}`;
}

export function toGrant360(award: PublishedAward, modified: string): Grant360 {
  const org: Grant360['recipientOrganization'][number] = { id: recipientOrgId(award), name: award.organisationName };
  if (clean(award.charityNumber)) org.charityNumber = clean(award.charityNumber);
  if (clean(award.companyNumber)) org.companyNumber = clean(award.companyNumber);
  return {
    id: `${GRANT_PREFIX}-${award.applicationId}`,
    title: award.projectTitle,
    description: award.description,
    currency: 'GBP',
    amountAwarded: award.amount,
    awardDate: award.decisionDate,
    recipientOrganization: [org],
    fundingOrganization: [{ ...FUNDER }],
    grantProgramme: [{ code: award.fundSlug, title: `${award.fundTitle}: ${award.roundTitle}` }],
    ...(award.area ? { beneficiaryLocation: [{ name: award.area }] } : {}),
    dateModified: modified,
  };
}

export function givingPackage(awards: PublishedAward[], modified: string) {
  return {
    grants: awards.map((a) => toGrant360(a, modified)),
    license: 'https://creativecommons.org/licenses/by/4.0/',
    publisher: { identifier: FUNDER.id, name: FUNDER.name },
  };
}

const CSV_COLUMNS: [string, (g: Grant360) => unknown][] = [
  ['Identifier', (g) => g.id],
  ['Title', (g) => g.title],
  ['Description', (g) => g.description],
  ['Currency', (g) => g.currency],
  ['Amount Awarded', (g) => g.amountAwarded],
  ['Award Date', (g) => g.awardDate],
  ['Recipient Org:Identifier', (g) => g.recipientOrganization[0]?.id],
  ['Recipient Org:Name', (g) => g.recipientOrganization[0]?.name],
  ['Recipient Org:Charity Number', (g) => g.recipientOrganization[0]?.charityNumber],
  ['Recipient Org:Company Number', (g) => g.recipientOrganization[0]?.companyNumber],
  ['Funding Org:Identifier', (g) => g.fundingOrganization[0]?.id],
  ['Funding Org:Name', (g) => g.fundingOrganization[0]?.name],
  ['Grant Programme:Code', (g) => g.grantProgramme[0]?.code],
  ['Grant Programme:Title', (g) => g.grantProgramme[0]?.title],
  ['Beneficiary Location:Name', (g) => g.beneficiaryLocation?.[0]?.name],
  ['Last modified', (g) => g.dateModified],
];

/** 360Giving's flattened CSV, one row per grant. */
export function grantsCsv(grants: Grant360[]): string {
  return writeCsv([CSV_COLUMNS.map(([title]) => title), ...grants.map((g) => CSV_COLUMNS.map(([, get]) => get(g)))]);
}

export function givingCsv(awards: PublishedAward[], modified: string): string {
  return grantsCsv(awards.map((a) => toGrant360(a, modified)));
}
