// The 360Giving Data Standard's rules for a grant, written out because the schema files
// (360-giving-package-schema.json and 360-giving-schema.json) are not published on npm. Checked:
// the package's `grants` array; each grant's required fields and their types; the identifier
// rules (grants start "360G-", charities "GB-CHC-", companies "GB-COH-", the council "GB-LAE-").
// Used on the JSON the database really produces (tests/db) and on the file the public page
// downloads (tests/e2e), and proven able to fail in tests/unit/lib/grants/giving360.test.ts.

const REQUIRED = ['id', 'title', 'description', 'currency', 'amountAwarded', 'awardDate', 'fundingOrganization'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const ORG_ID = /^(GB-CHC-\d+(-\d+)?|GB-COH-[A-Z0-9]{8}|GB-LAE-[A-Z]{3}|360G-[A-Za-z0-9-]+)$/;

type Json = Record<string, unknown>;
const isText = (v: unknown) => typeof v === 'string' && v.trim() !== '';
const isObjectArray = (v: unknown): v is Json[] => Array.isArray(v) && v.every((x) => x !== null && typeof x === 'object');

function organisationProblems(where: string, orgs: unknown): string[] {
  if (!isObjectArray(orgs) || orgs.length === 0) return [`${where} must be a list of at least one organisation`];
  return orgs.flatMap((org, i) => {
    const problems: string[] = [];
    if (!isText(org.id) || !ORG_ID.test(org.id as string))
      problems.push(`${where}[${i}].id "${String(org.id)}" is not an org-id 360Giving accepts`);
    if (!isText(org.name)) problems.push(`${where}[${i}].name must be text`);
    for (const field of ['charityNumber', 'companyNumber'])
      if (field in org && typeof org[field] !== 'string') problems.push(`${where}[${i}].${field} must be text`);
    if (org.charityNumber && org.id !== `GB-CHC-${org.charityNumber}`)
      problems.push(`${where}[${i}] has a charity number, so its id must be GB-CHC-${String(org.charityNumber)}`);
    return problems;
  });
}

export function grantProblems(grant: Json): string[] {
  const problems = REQUIRED.filter((f) => !(f in grant)).map((f) => `missing ${f}`);
  if (!isText(grant.id) || !/^360G-/.test(grant.id as string)) problems.push('id must start 360G-');
  if (!isText(grant.title)) problems.push('title must be text');
  if (typeof grant.description !== 'string') problems.push('description must be text');
  if (grant.currency !== 'GBP' && !(typeof grant.currency === 'string' && /^[A-Z]{3}$/.test(grant.currency)))
    problems.push('currency must be an ISO 4217 code');
  for (const field of ['amountAwarded', 'amountAppliedFor']) {
    if (field in grant && (typeof grant[field] !== 'number' || !Number.isFinite(grant[field]) || (grant[field] as number) < 0))
      problems.push(`${field} must be a number, not text`);
  }
  if (typeof grant.awardDate !== 'string' || !(DATE.test(grant.awardDate) || DATE_TIME.test(grant.awardDate)))
    problems.push('awardDate must be an ISO 8601 date');
  if ('dateModified' in grant && (typeof grant.dateModified !== 'string' || !DATE_TIME.test(grant.dateModified)))
    problems.push('dateModified must be an ISO 8601 date and time');
  if (!('recipientOrganization' in grant) && !('recipientIndividual' in grant))
    problems.push('a grant needs recipientOrganization or recipientIndividual');
  if ('recipientOrganization' in grant) problems.push(...organisationProblems('recipientOrganization', grant.recipientOrganization));
  if ('fundingOrganization' in grant) problems.push(...organisationProblems('fundingOrganization', grant.fundingOrganization));
  if ('grantProgramme' in grant && !(isObjectArray(grant.grantProgramme) && grant.grantProgramme.every((p) => isText(p.code))))
    problems.push('grantProgramme must be a list, each with a code');
  if (
    'beneficiaryLocation' in grant &&
    !(isObjectArray(grant.beneficiaryLocation) && grant.beneficiaryLocation.every((l) => isText(l.name)))
  )
    problems.push('beneficiaryLocation must be a list, each with a name');
  return problems;
}

/** Every problem in a 360Giving package, each naming the grant; an empty list means it is valid. */
export function givingPackageProblems(pkg: unknown): string[] {
  if (pkg === null || typeof pkg !== 'object' || !isObjectArray((pkg as Json).grants)) return ['the package needs a "grants" list'];
  const grants = (pkg as { grants: Json[] }).grants;
  const ids = grants.map((g) => g.id);
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i).map((id) => `grant id ${String(id)} is used twice`);
  return [...grants.flatMap((g, i) => grantProblems(g).map((p) => `grant ${i + 1} (${String(g.id)}): ${p}`)), ...repeated];
}
