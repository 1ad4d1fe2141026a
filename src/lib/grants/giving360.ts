// 360Giving Data Standard: the grant records come from the database (api.grant_round_360giving
// builds them, identifiers and all: grants "360G-OCC-WT-<reference>", charities "GB-CHC-<number>",
// companies "GB-COH-<number>", the council "GB-LAE-OXF"); this file flattens them into the CSV
// that 360Giving's tools read.
import { writeCsv } from '../csv';

export interface Grant360 {
  id: string;
  title: string;
  description: string;
  currency: 'GBP';
  amountAppliedFor?: number;
  amountAwarded: number;
  awardDate: string;
  recipientOrganization: { id: string; name: string; charityNumber?: string; companyNumber?: string }[];
  fundingOrganization: { id: string; name: string }[];
  grantProgramme: { code: string; title: string }[];
  beneficiaryLocation?: { name: string }[];
  dateModified: string;
}

const CSV_COLUMNS: [string, (g: Grant360) => unknown][] = [
  ['Identifier', (g) => g.id],
  ['Title', (g) => g.title],
  ['Description', (g) => g.description],
  ['Currency', (g) => g.currency],
  ['Amount Applied For', (g) => g.amountAppliedFor],
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
