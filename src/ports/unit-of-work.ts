// What must land together (an item's rows, its changes, events and outbox entries) runs in one
// unit of work: all of it or none. A unit run inside another is a savepoint of it.
//
// Store calls made while `fn` runs (in its async context) belong to the unit; a call from
// elsewhere waits for it (SQLite: one connection) or runs beside it (Postgres: the pool).

export interface UnitOfWork {
  run<T>(fn: () => Promise<T>): Promise<T>;
}
