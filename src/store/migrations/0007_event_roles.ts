import type { Migration } from './types.js';

// The role categories of an event as one column ('|CFO|Chair|'), so a /changes filter on a role
// is a cheap test on the row instead of a lookup per candidate event.
export const migration: Migration = {
  version: 7,
  name: 'event-role-categories',
  up: `
    ALTER TABLE events ADD COLUMN role_cats TEXT NOT NULL DEFAULT '';
    UPDATE events SET role_cats = '|' || COALESCE((SELECT group_concat(value, '|') FROM json_each(events.json, '$.role.categories')), '') || '|';
  `,
};
