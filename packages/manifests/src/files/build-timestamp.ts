/**
 * The build timestamp docker-stacks writes: UTC, to the second (cut, not rounded), with a "Z".
 * Compute it once per run and pass it to both the manifest and the history line, as docker-stacks'
 * module-level BUILD_TIMESTAMP does.
 *
 * @example buildTimestamp(new Date("2024-01-02T03:04:05.678Z")) // "2024-01-02T03:04:05Z"
 */
export function buildTimestamp(date: Date): string {
  // Python's isoformat()[:-13] + "Z" drops microseconds and "+00:00"; toISOString has milliseconds.
  return `${date.toISOString().slice(0, 19)}Z`;
}
