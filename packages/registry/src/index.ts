export { anonymous, dockerCredentials, engineAuthConfig } from "./auth/credentials.js";
export type { Credentials, CredentialsLookup, DockerCredentialsOptions } from "./auth/credentials.js";
export { digestOf, RegistryClient } from "./client.js";
export type { CallOptions, Fetched, RegistryClientOptions, Resolved } from "./client.js";
export { buildImageIndex, indexEntriesOf } from "./image-index.js";
export type { BuiltIndex } from "./image-index.js";
export {
  CredentialHelperFailedError,
  DigestMismatchError,
  DockerConfigInvalidError,
  RegistryNotFoundError,
  RegistryRequestFailedError,
  RegistryUnauthorizedError,
  UnsupportedManifestError,
} from "./errors.js";
export type { RequestTarget } from "./errors.js";
export {
  DOCKER_MANIFEST,
  DOCKER_MANIFEST_LIST,
  formatPlatform,
  isAttestation,
  isIndexMediaType,
  OCI_INDEX,
  OCI_MANIFEST,
} from "./media-types.js";
export type { Descriptor, ImageConfig, ImageIndex, ImageManifest, Platform } from "./media-types.js";
export { DEFAULT_RETRY, withRetries } from "./retry.js";
export type { RetryPolicy } from "./retry.js";
export type { RequestEvent } from "./transport.js";
