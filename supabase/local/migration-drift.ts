// Whether a kept database still matches supabase/migrations/. Until v1.0 (DESIGN.md, Migrations)
// a change edits its topic's file in place, and files are split or renamed; the stand-in applies
// only files whose version it has not recorded, so a database kept in .data/ from an earlier
// checkout can be left on an old schema, or fail half way through a file that repeats what it
// already has ("function … already exists"). This names what changed so the start can say what to do.

export interface MigrationFile {
  file: string;
  version: string;
  name: string;
  hash: string;
}

export interface RecordedMigration {
  version: string;
  name: string | null;
  /** The file's sha256 when the stand-in applied it; null for databases made before it kept them. */
  hash: string | null;
}

/** What differs between the applied migrations and the files, one plain line each; [] when none. */
export function migrationDrift(recorded: RecordedMigration[], files: MigrationFile[]): string[] {
  if (recorded.length === 0) return [];
  const byVersion = new Map(files.map((f) => [f.version, f]));
  const done = new Set(recorded.map((r) => r.version));
  const latest = recorded
    .map((r) => r.version)
    .sort()
    .at(-1)!;
  const drift: string[] = [];
  for (const r of recorded) {
    const file = byVersion.get(r.version);
    const was = `${r.version}_${r.name ?? ''}.sql`;
    if (!file) drift.push(`${was} was applied but is no longer in supabase/migrations/`);
    else if (r.name !== null && r.name !== file.name) drift.push(`${was} is now ${file.file}`);
    else if (r.hash !== null && r.hash !== file.hash) drift.push(`${file.file} has changed since it was applied`);
  }
  for (const f of files) {
    if (!done.has(f.version) && f.version < latest) drift.push(`${f.file} is new but comes before migrations already applied`);
  }
  return drift;
}

/** Raised at start when the kept database no longer matches the migrations. `kept` says where it
 *  is and how to start it afresh, e.g. "in .data/: delete that folder". */
export class MigrationDriftError extends Error {
  readonly drift: string[];

  constructor(drift: string[], kept: { where: string; afresh: string }) {
    super(
      `The database ${kept.where} was built from an earlier version of supabase/migrations/:\n` +
        drift.map((line) => `  - ${line}\n`).join('') +
        `Until v1.0 the migrations are edited in place, so a kept database cannot follow them. To carry on, ${kept.afresh} and start again: ` +
        'a fresh database is built and seeded with the demo data.',
    );
    this.name = 'MigrationDriftError';
    this.drift = drift;
  }
}
