// The Postgres URL carries a password: it is checked here and only ever shown masked.

/** The URL with its password replaced, for logs and messages. */
export function maskDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(a database URL that does not parse)';
  }
}

/** What is wrong with a database URL (masked), or null for a postgres:// (postgresql://) one. */
export function databaseUrlProblem(url: string): string | null {
  let protocol = '';
  try {
    protocol = new URL(url).protocol;
  } catch {
    // Reported below.
  }
  return protocol === 'postgres:' || protocol === 'postgresql:' ? null : `expected a postgres:// URL, found ${maskDatabaseUrl(url)}`;
}
