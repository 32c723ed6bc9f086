import "server-only";

// What the rest of the app may use; client components import `./contract` directly.

export { actorOf, actorOrNewGuest, noSuchRun, paneParams, runParams, signedIn } from "./actors";
export { GUEST_COOKIE, limitGuestRuns } from "./guest";
export { listRuns } from "./history";
export { playgroundPrices, variantSpeeds } from "./prices";
export { cancelPane, createRun, getRun, recallRun, rerunPane, voteRun, type PlaygroundActor } from "./runs";
export { getSharedRun, shareRun, unshareRun } from "./share";
