export interface Migration {
  /** user_version after this migration. Versions are unique and applied in order. */
  version: number;
  name: string;
  up: string;
}
