// Ports and folders for the local stack, each overridable by an environment variable.
export const settings = {
  dataDir: process.env.DATA_DIR ?? '.data',
  // The audit signing key and published checkpoints: apart from the data folder, never inside it.
  keysDir: process.env.KEYS_DIR ?? '.keys',
  apiPort: Number(process.env.SUPABASE_PORT ?? 54321),
  sitePort: Number(process.env.PORT ?? 4321),
  host: process.env.HOST ?? '127.0.0.1',
  databaseUrl: process.env.DATABASE_URL || undefined,
};

export const siteOrigins = (port: number) => [`http://localhost:${port}`, `http://127.0.0.1:${port}`];

/** What to tell someone whose `npm start` or `npm run dev` could not start. */
export function describeStartFailure(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'EADDRINUSE') {
    return `A port is already in use (${e.message}). Is Working Together already running? Stop it, or set PORT / SUPABASE_PORT.`;
  }
  // A kept database behind the migrations: the message says what changed and what to do.
  if (e?.name === 'MigrationDriftError') return `Working Together could not start. ${e.message}`;
  return `Working Together could not start: ${e?.stack ?? String(error)}`;
}
