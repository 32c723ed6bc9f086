import "server-only";

// What the /replicate/v1 routes use; lib/tasks/transitions.ts imports ./prediction directly, as
// this barrel reaches lib/tasks and would make a cycle.
export { cancelPrediction } from "./cancel";
export { createPrediction } from "./create";
export { type Prediction } from "./prediction";
export { getPrediction, listPredictions, type PredictionPage } from "./read";
export { createPredictionBody, listPredictionsQuery, modelParams, preferWaitSec, predictionParams } from "./schemas";
