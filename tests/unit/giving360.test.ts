// The 360Giving schema (360-giving-package-schema.json, grant object) is not published on npm,
// so its required fields, types and identifier patterns are written out here and checked.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv.ts';
import { givingCsv, givingPackage, recipientOrgId, type PublishedAward } from '../../src/lib/grants/giving360.ts';

const REQUIRED_GRANT_FIELDS = ['id', 'title', 'description', 'currency', 'amountAwarded', 'awardDate', 'fundingOrganization'] as const;

function validateGrant(grant: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const field of REQUIRED_GRANT_FIELDS) if (!(field in grant)) problems.push(`missing ${field}`);
  if (typeof grant.id !== 'string' || !/^360G-/.test(grant.id)) problems.push('id must start 360G-');
  if (typeof grant.title !== 'string' || !grant.title) problems.push('title must be text');
  if (typeof grant.description !== 'string') problems.push('description must be text');
  if (typeof grant.currency !== 'string' || !/^[A-Z]{3}$/.test(grant.currency)) problems.push('currency must be an ISO 4217 code');
  if (typeof grant.amountAwarded !== 'number' || !Number.isFinite(grant.amountAwarded)) problems.push('amountAwarded must be a number');
  if (typeof grant.awardDate !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(grant.awardDate)) problems.push('awardDate must be an ISO date');
  const recipients = grant.recipientOrganization as { id?: unknown; name?: unknown }[] | undefined;
  if (!Array.isArray(recipients) || recipients.length < 1) problems.push('recipientOrganization (or recipientIndividual) is required');
  for (const org of recipients ?? []) if (typeof org.id !== 'string' || typeof org.name !== 'string') problems.push('recipient needs id and name');
  const funders = grant.fundingOrganization as { id?: unknown; name?: unknown }[] | undefined;
  if (!Array.isArray(funders) || funders.length < 1) problems.push('fundingOrganization must be a non-empty array');
  for (const org of funders ?? []) if (typeof org.id !== 'string' || typeof org.name !== 'string') problems.push('funder needs id and name');
  return problems;
}

const award = (over: Partial<PublishedAward> = {}): PublishedAward => ({
  applicationId: 42,
  roundTitle: '2026 round',
  fundTitle: 'Innovation Fund',
  fundSlug: 'innovation-fund',
  projectTitle: 'Memory café',
  description: 'A weekly café for people living with dementia and their carers.',
  amount: 4500,
  decisionDate: '2026-10-14',
  organisationName: 'Didcot Memory Friends',
  charityNumber: '1 234 567',
  ...over,
});

describe('360Giving export', () => {
  it('produces grants that pass the schema checks', () => {
    const pkg = givingPackage([award(), award({ applicationId: 43, charityNumber: null, companyNumber: '08123456' })], '2026-11-01T00:00:00Z');
    for (const grant of pkg.grants) expect(validateGrant(grant as unknown as Record<string, unknown>)).toEqual([]);
    expect(pkg.grants[0]).toMatchObject({ id: '360G-OCC-WT-42', fundingOrganization: [{ id: 'GB-LAE-OXF' }], recipientOrganization: [{ id: 'GB-CHC-1234567', charityNumber: '1234567' }] });
  });

  it('catches a grant missing a required field (the check can fail)', () => {
    const grant = givingPackage([award()], '2026-11-01').grants[0] as unknown as Record<string, unknown>;
    delete grant.amountAwarded;
    expect(validateGrant(grant)).toContain('missing amountAwarded');
  });

  it('chooses organisation identifiers by 360Giving rules', () => {
    expect(recipientOrgId({ organisationName: 'X', charityNumber: '1100001' })).toBe('GB-CHC-1100001');
    expect(recipientOrgId({ organisationName: 'X', companyNumber: 'oc123 456' })).toBe('GB-COH-OC123456');
    expect(recipientOrgId({ organisationName: "Wantage Men's Shed" })).toBe('360G-OCC-WT-ORG-wantage-men-s-shed');
  });

  it('writes the flattened CSV with 360Giving column titles', () => {
    const rows = parseCsv(givingCsv([award()], '2026-11-01')).rows;
    expect(rows[0]).toEqual(expect.arrayContaining(['Identifier', 'Amount Awarded', 'Recipient Org:Identifier', 'Funding Org:Identifier']));
    expect(rows[1]![0]).toBe('360G-OCC-WT-42');
    expect(rows).toHaveLength(2);
  });
});
