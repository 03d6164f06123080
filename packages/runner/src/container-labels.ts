/** Label on every container imgs starts, so leftovers can be found with `docker ps --filter label=…`. */
export const MANAGED_LABEL = "dev.imgs.managed";

/** Environment variable of extra labels, `key=value` pairs separated by commas (test runs set it). */
export const LABELS_ENV = "IMGS_CONTAINER_LABELS";

/** Parse `a=1,b=2` into labels; a pair without `=` is a label with an empty value, as `docker run --label a`. */
export function parseLabelList(list: string | undefined): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const pair of (list ?? "").split(",")) {
    const item = pair.trim();
    if (item === "") continue;
    const at = item.indexOf("=");
    // A key given twice keeps its last value, as docker does.
    if (at < 0) labels[item] = "";
    else labels[item.slice(0, at)] = item.slice(at + 1);
  }
  return labels;
}

/**
 * The labels of a new container: the caller's, then those of IMGS_CONTAINER_LABELS, then
 * `dev.imgs.managed=true`. The environment's come last because they tell test runs apart, and
 * a caller must not be able to hide a container from the run that has to clean it up.
 */
export function containerLabels(
  env: Readonly<Record<string, string | undefined>>,
  labels: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return { ...labels, ...parseLabelList(env[LABELS_ENV]), [MANAGED_LABEL]: "true" };
}
