// The 360Giving Data Standard's rules for a grant, written out because the schema files
// (360-giving-package-schema.json and 360-giving-schema.json) are not published on npm. Checked:
// the package's `grants` array (at least one grant) and its metadata's types (title, issued and
// modified dates, publisher with a name, licence as a web address); each grant's required fields
// and their types, its planned dates and the recipient's postcode; the identifier rules (grants
// start "360G-", charities "GB-CHC-", companies "GB-COH-", the council "GB-LAE-").
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
    for (const field of ['charityNumber', 'companyNumber', 'postalCode'])
      if (field in org && typeof org[field] !== 'string') problems.push(`${where}[${i}].${field} must be text`);
    if (org.charityNumber && org.id !== `GB-CHC-${org.charityNumber}`)
      problems.push(`${where}[${i}] has a charity number, so its id must be GB-CHC-${String(org.charityNumber)}`);
    return problems;
  });
}

const isDate = (v: unknown) => typeof v === 'string' && (DATE.test(v) || DATE_TIME.test(v));

function plannedDatesProblems(dates: unknown): string[] {
  if (!isObjectArray(dates) || dates.length === 0) return ['plannedDates must be a list of at least one period'];
  return dates.flatMap((d, i) => {
    const problems: string[] = [];
    if (!isDate(d.startDate)) problems.push(`plannedDates[${i}].startDate must be an ISO 8601 date`);
    if ('endDate' in d && !isDate(d.endDate)) problems.push(`plannedDates[${i}].endDate must be an ISO 8601 date`);
    if (isDate(d.startDate) && isDate(d.endDate) && (d.endDate as string) < (d.startDate as string))
      problems.push(`plannedDates[${i}] ends before it starts`);
    if ('duration' in d && !(typeof d.duration === 'number' && Number.isInteger(d.duration) && d.duration > 0))
      problems.push(`plannedDates[${i}].duration must be a whole number of months`);
    return problems;
  });
}

/** The package's own fields, where present: the standard's types for them. */
function metadataProblems(pkg: Json): string[] {
  const problems: string[] = [];
  for (const field of ['title', 'description', 'identifier'])
    if (field in pkg && !isText(pkg[field])) problems.push(`the package's ${field} must be text`);
  for (const field of ['issued', 'modified'])
    if (field in pkg && !isDate(pkg[field])) problems.push(`the package's ${field} must be an ISO 8601 date`);
  if ('publisher' in pkg) {
    const publisher = pkg.publisher as Json | null;
    if (publisher === null || typeof publisher !== 'object' || !isText(publisher.name))
      problems.push("the package's publisher needs a name");
  }
  if ('license' in pkg && !(typeof pkg.license === 'string' && /^https?:\/\/\S+$/.test(pkg.license)))
    problems.push("the package's license must be a web address");
  return problems;
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
  if ('plannedDates' in grant) problems.push(...plannedDatesProblems(grant.plannedDates));
  return problems;
}

/** Every problem in a 360Giving package, each naming the grant; an empty list means it is valid. */
export function givingPackageProblems(pkg: unknown): string[] {
  if (pkg === null || typeof pkg !== 'object' || !isObjectArray((pkg as Json).grants)) return ['the package needs a "grants" list'];
  const grants = (pkg as { grants: Json[] }).grants;
  if (grants.length === 0) return ['the package needs at least one grant'];
  const ids = grants.map((g) => g.id);
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i).map((id) => `grant id ${String(id)} is used twice`);
  return [
    ...metadataProblems(pkg as Json),
    ...grants.flatMap((g, i) => grantProblems(g).map((p) => `grant ${i + 1} (${String(g.id)}): ${p}`)),
    ...repeated,
  ];
}
