export { createKey } from "./create";
export { type KeyMode, parseKey } from "./format";
export { listKeys } from "./list";
export { keyFromRequest } from "./request";
export { revokeKey, revokeKeyByStartOrId } from "./revoke";
export { rollKey } from "./roll";
export type { CreateKeyInput, KeyScope } from "./schemas";
export { forgetAccountKeys, type KeyContext, verifyKey } from "./verify";
export type { KeyStatus, KeyView } from "./view";
