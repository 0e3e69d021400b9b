// What must land together (an item's rows, its changes, events and outbox entries) runs in one
// unit of work: all of it or none. A unit run inside another is a savepoint of it.

export interface UnitOfWork {
  run<T>(fn: () => T): T;
}
