// Docker's reference grammar (distribution/reference): what image names and registries may look like.
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const REGISTRY = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::[0-9]+)?$/;

/** True for a valid image name component ("base-notebook"). */
export const isImageName = (name: string): boolean => PATH_COMPONENT.test(name);

/** True for a valid owner: one or more path components joined by "/". */
export const isOwner = (owner: string): boolean => owner.split("/").every((part) => PATH_COMPONENT.test(part));

/** True for a valid registry host with an optional port ("quay.io", "127.0.0.1:5000"). */
export const isRegistry = (registry: string): boolean => REGISTRY.test(registry);
