import { rmSync } from "node:fs";

/** Removes the run's temporary SQLite database (and its WAL files). */
export default function globalTeardown(): void {
  const database = process.env.KESKIO_E2E_DATABASE;
  if (!database) return;
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${database}${suffix}`, { force: true });
}
