// Module hooks of record-modules.mjs: posts each resolved URL to the main thread.
let port;
export function initialize(data) {
  port = data.port;
}
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (!resolved.url.startsWith("node:")) port.postMessage(resolved.url);
  return resolved;
}
