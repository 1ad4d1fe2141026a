// 360Giving Data Standard: the package and its grant records come from the database
// (api.grant_round_360giving builds them, identifiers and all: grants "360G-OCC-WT-<reference>",
// charities "GB-CHC-<number>", companies "GB-COH-<number>", the council "GB-LAE-OXF"); this file
// flattens the grants into the CSV that 360Giving's tools read, with the standard's own column
// titles, and names the files.
import { writeCsv } from '../csv';

export interface Grant360 {
  id: string;
  title: string;
  description: string;
  currency: 'GBP';
  amountAppliedFor?: number;
  amountAwarded: number;
  awardDate: string;
  /** When the application gave them: the project's planned start, end and length in whole months. */
  plannedDates?: { startDate: string; endDate?: string; duration?: number }[];
  recipientOrganization: { id: string; name: string; charityNumber?: string; companyNumber?: string; postalCode?: string }[];
  fundingOrganization: { id: string; name: string }[];
  grantProgramme: { code: string; title: string }[];
  beneficiaryLocation?: { name: string; countryCode?: string }[];
  dateModified: string;
}

/** A 360Giving data package: its metadata and at least one grant (a round with no awards has none). */
export interface GivingPackage {
  round_id: string;
  round_title: string;
  title: string;
  description: string;
  identifier: string;
  issued: string;
  modified: string;
  publisher: { identifier: string; name: string };
  license: string;
  grants: Grant360[];
}

// In the order of 360Giving's own template, with its exact titles ("Last Modified", not "Last modified").
const CSV_COLUMNS: [string, (g: Grant360) => unknown][] = [
  ['Identifier', (g) => g.id],
  ['Title', (g) => g.title],
  ['Description', (g) => g.description],
  ['Currency', (g) => g.currency],
  ['Amount Applied For', (g) => g.amountAppliedFor],
  ['Amount Awarded', (g) => g.amountAwarded],
  ['Award Date', (g) => g.awardDate],
  ['Planned Dates:Start Date', (g) => g.plannedDates?.[0]?.startDate],
  ['Planned Dates:End Date', (g) => g.plannedDates?.[0]?.endDate],
  ['Planned Dates:Duration (months)', (g) => g.plannedDates?.[0]?.duration],
  ['Recipient Org:Identifier', (g) => g.recipientOrganization[0]?.id],
  ['Recipient Org:Name', (g) => g.recipientOrganization[0]?.name],
  ['Recipient Org:Charity Number', (g) => g.recipientOrganization[0]?.charityNumber],
  ['Recipient Org:Company Number', (g) => g.recipientOrganization[0]?.companyNumber],
  ['Recipient Org:Postal Code', (g) => g.recipientOrganization[0]?.postalCode],
  ['Beneficiary Location:Name', (g) => g.beneficiaryLocation?.[0]?.name],
  ['Beneficiary Location:Country Code', (g) => g.beneficiaryLocation?.[0]?.countryCode],
  ['Funding Org:Identifier', (g) => g.fundingOrganization[0]?.id],
  ['Funding Org:Name', (g) => g.fundingOrganization[0]?.name],
  ['Grant Programme:Code', (g) => g.grantProgramme[0]?.code],
  ['Grant Programme:Title', (g) => g.grantProgramme[0]?.title],
  ['Last Modified', (g) => g.dateModified],
];

/** 360Giving's flattened CSV, one row per grant. */
export function grantsCsv(grants: Grant360[]): string {
  return writeCsv([CSV_COLUMNS.map(([title]) => title), ...grants.map((g) => CSV_COLUMNS.map(([, get]) => get(g)))]);
}

/** The download's file name, from the round's title: "360giving-innovation-fund-2026-to-2027.json". */
export function packageFileName(roundTitle: string, format: 'json' | 'csv'): string {
  return `360giving-${roundTitle
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}.${format}`;
}
