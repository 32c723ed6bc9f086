import { z } from "zod";

// The playground's wire format, shared by the browser and the server: nothing here may touch the
// server. Requests are zod schemas (the routes validate with them); answers are plain types.

export const MIN_PANES = 2;
export const MAX_PANES = 4;
export const MAX_SEED = 2_147_483_647;
/** Reference images shared by the panes; each pane takes as many as its variant accepts. */
export const MAX_REFERENCE_IMAGES = 8;
export const MAX_NOTE_LENGTH = 2000;
export const MAX_PROMPT_LENGTH = 32_000;
/**
 * Inline (data URL) reference images are megabytes, and a run is polled every ~750 ms: run views
 * carry this in their place. The playground page reads the originals on the server to recall a run.
 */
export const OMITTED_INLINE_IMAGE = "data:omitted";

/** Parameters every pane shares; mapped onto each variant's own fields (prompt, seed, aspect_ratio, image_urls). */
export const sharedFields = ["prompt", "seed", "aspect_ratio", "image_urls"] as const;

export const paneSpecSchema = z.strictObject({
  variant: z.string().trim().min(1, "pick a model").max(200),
  /** The variant's own parameters, without the shared ones: validated against its schema on the server. */
  params: z.record(z.string().max(64), z.unknown()).default({}),
  /** The preset or sweep value the pane was set up with, shown as its subtitle ("Flex fast: 8 steps"). */
  label: z.string().trim().max(60).optional(),
  /** Appended to the shared prompt for this pane only: A/B a wording (or a simulator directive) on one side. */
  promptAddition: z.string().trim().max(2000).optional(),
});
export type PaneSpec = z.input<typeof paneSpecSchema>;

export const runSettingsSchema = z.strictObject({
  prompt: z.string().trim().min(1, "write a prompt").max(MAX_PROMPT_LENGTH),
  /** Fixed by default so panes are comparable; null lets each upstream pick. */
  seed: z.number().int().min(0).max(MAX_SEED).nullable(),
  /** "1:1", "16:9", ...: a pane whose variant lacks it renders at the variant's default and says so. */
  aspectRatio: z.string().trim().max(20),
  /** http(s) URLs or data URLs of PNG, JPEG or WebP (the browser scales uploads down first). */
  imageUrls: z.array(z.string().max(14_000_000)).max(MAX_REFERENCE_IMAGES).default([]),
  /** test: free, on the simulator. Signed-out visitors always run in test mode. */
  mode: z.enum(["live", "test"]),
  /** Hide which variant made which image until a winner is picked. */
  blind: z.boolean().default(false),
});
export type RunSettings = z.input<typeof runSettingsSchema>;

export const createRunSchema = z.strictObject({
  ...runSettingsSchema.shape,
  panes: z.array(paneSpecSchema).min(MIN_PANES, `compare at least ${MIN_PANES} panes`).max(MAX_PANES, `at most ${MAX_PANES} panes`),
});
export type CreateRunRequest = z.input<typeof createRunSchema>;

/** The vote: a winner (or none), and a note. In blind mode the variants are revealed once a winner is set. */
export const voteSchema = z.strictObject({
  winnerPaneId: z.string().max(40).nullable(),
  note: z.string().trim().max(MAX_NOTE_LENGTH).default(""),
});
export type VoteRequest = z.input<typeof voteSchema>;

export const historyQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  variant: z.string().trim().max(200).optional().catch(undefined),
  /** "any": runs with a winner; or a variant slug: runs that variant won. */
  winner: z.string().trim().max(200).optional().catch(undefined),
  cursor: z.string().max(40).optional().catch(undefined),
});
export type HistoryQuery = z.output<typeof historyQuerySchema>;

export type PaneState = "waiting" | "queuing" | "generating" | "success" | "fail" | "cancelled";

export type PaneView = {
  id: string;
  /** Position as set up (0-based). In blind mode before the vote, panes come shuffled and this is the shown slot. */
  position: number;
  /** Null in blind mode until the vote. */
  variant: { slug: string; displayName: string } | null;
  /** Null in blind mode until the vote. */
  label: string | null;
  /** The letter a blind pane goes by ("A", "B", ...). */
  blindName: string;
  /** The pane's own parameters as set up (no shared fields), for "recall"; null in blind mode until the vote. */
  params: Record<string, unknown> | null;
  /** As set up; null in blind mode until the vote. */
  promptAddition: string | null;
  /** Exactly the `input` the task ran with (shared fields included, defaults filled); null in blind mode until the vote. */
  input: Record<string, unknown> | null;
  /** A shared setting the variant could not take, told plainly ("renders 1:1: no 21:9 for this model"). */
  notes: string[];
  taskId: string | null;
  state: PaneState;
  /** 0..100 while generating. */
  progress: number;
  queuePosition: number | null;
  /** Charged: the price after success, 0 otherwise (test mode, failures, still running). Null while blind. */
  costMicros: number | null;
  /** The price held for it while it runs. Null while blind (prices would tell the variants apart). */
  priceMicros: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Finished - submitted, in ms; null until finished. */
  latencyMs: number | null;
  seed: number | null;
  width: number;
  height: number;
  images: { url: string; thumbnailUrl: string; width: number; height: number; contentType: string }[];
  error: { code: string; message: string } | null;
  simulated: boolean;
};

export type RunView = {
  id: string;
  prompt: string;
  settings: { seed: number | null; aspectRatio: string; imageUrls: string[]; mode: "live" | "test"; blind: boolean };
  panes: PaneView[];
  /** Blind mode before the vote hides variants; false once revealed or when not blind. */
  hidden: boolean;
  winnerPaneId: string | null;
  note: string;
  /** The public read-only link, when shared. */
  shareUrl: string | null;
  createdAt: string;
  /** Every pane finished (success, fail or cancelled). */
  done: boolean;
  totalCostMicros: number;
  /** The account's available balance now; null for signed-out visitors. */
  balanceMicros: number | null;
};

export type RunSummary = {
  id: string;
  prompt: string;
  createdAt: string;
  mode: "live" | "test";
  blind: boolean;
  panes: { id: string; variantSlug: string; displayName: string; label: string | null; state: PaneState; thumbnailUrl: string | null }[];
  winnerPaneId: string | null;
  shared: boolean;
  totalCostMicros: number;
};

export type HistoryPage = { runs: RunSummary[]; nextCursor: string | null };

/**
 * The routes answer in the task envelope: `{ code: 200, msg: "success", data }`, or on error the
 * HTTP status with `{ code, msg, data: null, details?: [{ path, message }], doc_url }`, where a
 * path names the field ("panes.1.params.steps", "prompt").
 */
export type PlaygroundEnvelope<T> =
  | { code: 200; msg: string; data: T }
  | { code: number; msg: string; data: null; details?: { path: string; message: string }[]; doc_url?: string };
