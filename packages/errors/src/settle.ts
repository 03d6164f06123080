import { asError } from "./error-values.js";

/** One item whose work failed, and why. */
export interface Failure<K> {
  readonly item: K;
  readonly error: Error;
}

/** What settleEach returns: the values of the items that worked and the failures, each in input order. */
export interface Settled<K, V> {
  readonly values: ReadonlyArray<{ readonly item: K; readonly value: V }>;
  readonly failures: ReadonlyArray<Failure<K>>;
}

/**
 * Runs `work` for every item at once and waits for all of them: one failure does not stop the
 * others. Bound the concurrency inside `work` (a limiter) if it must be bounded.
 */
export async function settleEach<K, V>(items: readonly K[], work: (item: K) => Promise<V>): Promise<Settled<K, V>> {
  const settled = await Promise.allSettled(items.map((item) => work(item)));
  const values: Array<{ item: K; value: V }> = [];
  const failures: Array<Failure<K>> = [];
  settled.forEach((result, i) => {
    const item = items[i] as K;
    if (result.status === "fulfilled") values.push({ item, value: result.value });
    else failures.push({ item, error: asError(result.reason) });
  });
  return { values, failures };
}
