// The 360Giving checks themselves (tests/support/giving360-schema.ts) must be able to fail, and
// the CSV flattening must use 360Giving's column titles. The JSON the database really builds is
// checked against the same rules in tests/db/grants/matrix-review.test.ts and tests/e2e.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../src/lib/csv.ts';
import { grantsCsv, packageFileName, type Grant360 } from '../../../../src/lib/grants/giving360.ts';
import { givingPackageProblems, grantProblems } from '../../../support/giving360-schema.ts';

const grant = (over: Partial<Grant360> = {}): Grant360 => ({
  id: '360G-OCC-WT-INN26-004',
  title: 'Memory café',
  description: 'A weekly café for people living with dementia and their carers.',
  currency: 'GBP',
  amountAppliedFor: 5000,
  amountAwarded: 4500,
  awardDate: '2026-10-14',
  recipientOrganization: [{ id: 'GB-CHC-1234567', name: 'Didcot Memory Friends', charityNumber: '1234567' }],
  fundingOrganization: [{ id: 'GB-LAE-OXF', name: 'Oxfordshire County Council' }],
  grantProgramme: [{ code: 'innovation-fund', title: 'Innovation Fund: 2026 round' }],
  dateModified: '2026-11-01T09:00:00Z',
  ...over,
});
const loose = (g: Grant360) => g as unknown as Record<string, unknown>;

describe('the 360Giving checks', () => {
  it('pass a well-formed grant and package', () => {
    expect(grantProblems(loose(grant()))).toEqual([]);
    expect(
      givingPackageProblems({
        grants: [
          grant(),
          grant({
            id: '360G-OCC-WT-INN26-005',
            recipientOrganization: [{ id: 'GB-COH-08123456', name: 'Shed Ltd', companyNumber: '08123456' }],
          }),
        ],
      }),
    ).toEqual([]);
  });

  it('catch a missing required field, a wrong type and a bad identifier', () => {
    const missing = loose(grant());
    delete missing.amountAwarded;
    expect(grantProblems(missing)).toContain('missing amountAwarded');
    expect(grantProblems(loose(grant({ amountAwarded: '4500' as unknown as number })))).toContain(
      'amountAwarded must be a number, not text',
    );
    expect(grantProblems(loose(grant({ id: 'OCC-1' })))).toContain('id must start 360G-');
    expect(grantProblems(loose(grant({ awardDate: '14/10/2026' })))).toContain('awardDate must be an ISO 8601 date');
    expect(grantProblems(loose(grant({ recipientOrganization: [{ id: 'CHC-1234567', name: 'X' }] })))[0]).toMatch(/not an org-id/);
    expect(
      grantProblems(loose(grant({ recipientOrganization: [{ id: 'GB-COH-08123456', name: 'X', charityNumber: '1234567' }] }))),
    ).toContain('recipientOrganization[0] has a charity number, so its id must be GB-CHC-1234567');
  });

  it('catch a package without grants, an empty package and a grant id used twice', () => {
    expect(givingPackageProblems({ data: [] })).toEqual(['the package needs a "grants" list']);
    expect(givingPackageProblems({ grants: [] })).toEqual(['the package needs at least one grant']);
    expect(givingPackageProblems({ grants: [grant(), grant()] })).toEqual(['grant id 360G-OCC-WT-INN26-004 is used twice']);
  });
});

describe('the 360Giving checks of what the data-quality tool asks for', () => {
  const metadata = {
    title: 'Oxfordshire County Council: Innovation Fund grants, 2026 round',
    identifier: 'OCC-WT-INN26',
    issued: '2026-11-01T09:00:00Z',
    modified: '2026-11-01',
    publisher: { identifier: 'GB-LAE-OXF', name: 'Oxfordshire County Council' },
    license: 'https://creativecommons.org/licenses/by/4.0/',
  };

  it('pass planned dates, a postcode and the package metadata when well formed', () => {
    const full = grant({
      plannedDates: [{ startDate: '2027-01-04', endDate: '2027-12-17', duration: 12 }],
      recipientOrganization: [{ id: 'GB-CHC-1234567', name: 'Didcot Memory Friends', charityNumber: '1234567', postalCode: 'OX11 7AB' }],
    });
    expect(givingPackageProblems({ ...metadata, grants: [full] })).toEqual([]);
    expect(grantProblems(loose(grant({ plannedDates: [{ startDate: '2027-01-04' }] })))).toEqual([]);
  });

  it('catch planned dates that are wrong', () => {
    expect(grantProblems(loose(grant({ plannedDates: [] })))).toEqual(['plannedDates must be a list of at least one period']);
    expect(grantProblems(loose(grant({ plannedDates: [{ startDate: '4 January 2027' }] })))).toEqual([
      'plannedDates[0].startDate must be an ISO 8601 date',
    ]);
    expect(grantProblems(loose(grant({ plannedDates: [{ startDate: '2027-02-01', endDate: '2027-01-01' }] })))).toEqual([
      'plannedDates[0] ends before it starts',
    ]);
    expect(grantProblems(loose(grant({ plannedDates: [{ startDate: '2027-02-01', duration: '12' as unknown as number }] })))).toEqual([
      'plannedDates[0].duration must be a whole number of months',
    ]);
  });

  it('catch a postcode that is not text, and package metadata of the wrong kind', () => {
    const badPostcode = grant({ recipientOrganization: [{ id: 'GB-COH-08123456', name: 'X', postalCode: 11 as unknown as string }] });
    expect(grantProblems(loose(badPostcode))).toEqual(['recipientOrganization[0].postalCode must be text']);
    expect(givingPackageProblems({ ...metadata, issued: '1 November 2026', grants: [grant()] })).toEqual([
      "the package's issued must be an ISO 8601 date",
    ]);
    expect(givingPackageProblems({ ...metadata, publisher: {}, license: 'CC-BY', grants: [grant()] })).toEqual([
      "the package's publisher needs a name",
      "the package's license must be a web address",
    ]);
  });
});

describe('the 360Giving CSV', () => {
  it('uses the standard’s exact titles for the new columns, and fills them', () => {
    const csv = parseCsv(
      grantsCsv([
        grant({
          plannedDates: [{ startDate: '2027-01-04', endDate: '2027-12-17', duration: 12 }],
          recipientOrganization: [
            { id: 'GB-CHC-1234567', name: 'Didcot Memory Friends', charityNumber: '1234567', postalCode: 'OX11 7AB' },
          ],
          beneficiaryLocation: [{ name: 'Didcot', countryCode: 'GB' }],
        }),
        grant({ id: '360G-OCC-WT-INN26-005' }),
      ]),
    ).rows;
    const [titles, full, bare] = csv as [string[], string[], string[]];
    const cell = (row: string[], title: string) => row[titles.indexOf(title)];
    expect(titles).toContain('Last Modified');
    expect(titles).not.toContain('Last modified');
    expect(cell(full, 'Planned Dates:Start Date')).toBe('2027-01-04');
    expect(cell(full, 'Planned Dates:End Date')).toBe('2027-12-17');
    expect(cell(full, 'Planned Dates:Duration (months)')).toBe('12');
    expect(cell(full, 'Recipient Org:Postal Code')).toBe('OX11 7AB');
    expect(cell(full, 'Beneficiary Location:Country Code')).toBe('GB');
    expect(cell(full, 'Last Modified')).toBe('2026-11-01T09:00:00Z');
    // A grant without them leaves the cells empty rather than writing "undefined".
    expect(cell(bare, 'Planned Dates:Start Date')).toBe('');
    expect(cell(bare, 'Recipient Org:Postal Code')).toBe('');
  });

  it('names the files after the round', () => {
    expect(packageFileName('Innovation Fund 2026 to 2027', 'csv')).toBe('360giving-innovation-fund-2026-to-2027.csv');
    expect(packageFileName('(Youth) round!', 'json')).toBe('360giving-youth-round.json');
  });

  it('has 360Giving column titles and one row per grant', () => {
    const rows = parseCsv(grantsCsv([grant(), grant({ id: '360G-OCC-WT-INN26-005', beneficiaryLocation: [{ name: 'Didcot' }] })])).rows;
    expect(rows[0]!.slice(0, 7)).toEqual([
      'Identifier',
      'Title',
      'Description',
      'Currency',
      'Amount Applied For',
      'Amount Awarded',
      'Award Date',
    ]);
    expect(rows[0]).toEqual(expect.arrayContaining(['Recipient Org:Identifier', 'Funding Org:Identifier', 'Beneficiary Location:Name']));
    expect(rows).toHaveLength(3);
    expect(rows[1]!.slice(0, 2)).toEqual(['360G-OCC-WT-INN26-004', 'Memory café']);
    expect(rows[2]![rows[0]!.indexOf('Beneficiary Location:Name')]).toBe('Didcot');
  });
});
