export interface PgMigration {
  /** The row schema_migrations gets once applied. Versions are unique and applied in order. */
  version: number;
  name: string;
  up: string;
}
