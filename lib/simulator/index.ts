export { startSimulator, type Simulator, type SimulatorOptions, type SimulatorStats, type SimRequestLogEntry } from "./start-simulator";
export { simulatorBaseUrls } from "./base-urls";
export { parseDirectives, stripDirectives, directiveKinds, type Directive, type DirectiveKind } from "./directives";
export { SIMULATOR_FAL_JWKS_PATH } from "./fal/routes";
export type { FinishedJob } from "./job-engine";
export { renderImage, type RenderSpec } from "./render-image";
