import { errorCodes } from "@/lib/errors";
import { errorDocs, ERRORS_GUIDE_PATH } from "./error-docs";
import { httpErrors } from "./errors";
import { DEFAULT_RATE_PER_10S, MAX_RATE_PER_10S } from "@/lib/keys/limits";
import { mcpEndpoint, mcpInstallSnippets } from "@/lib/mcp/install";
import type { Block, Guide } from "@/lib/docs/blocks";

// The hand-written guides of /docs: the HTTP API's own documentation, beside the envelopes and the
// status table it describes. Each is built for the base URL the reader reached, so every command can
// be pasted as it stands.

const keyVar = "$LUMIGATE_API_KEY";
const sampleModel = "flux-2-pro";

function quickStart(base: string): Guide {
  return {
    slug: "quickstart",
    title: "Quick start",
    summary: "From an API key to your first image in three commands.",
    blocks: [
      { kind: "p", text: "Create a key on [API keys](/dashboard/keys). A **test key** (`lg_test_...`) runs free on the built-in simulator; a live key (`lg_live_...`) is charged the model's price, and only when the image arrives." },
      { kind: "h2", id: "one", text: "1. Keep the key in your shell" },
      { kind: "code", label: "shell", lang: "sh", code: `export LUMIGATE_API_KEY=lg_test_...` },
      { kind: "h2", id: "two", text: "2. Create a task" },
      {
        kind: "code",
        label: "createTask",
        lang: "sh",
        code: `curl -sS -X POST ${base}/api/v1/jobs/createTask \\
  -H "Authorization: Bearer ${keyVar}" \\
  -H "Content-Type: application/json" \\
  -d '{"model": "${sampleModel}", "input": {"prompt": "a lighthouse at dawn, watercolor", "aspect_ratio": "16:9"}}'`,
      },
      { kind: "p", text: 'The answer carries the task id: `{"code":200,"msg":"success","data":{"taskId":"task_..."}}`.' },
      { kind: "h2", id: "three", text: "3. Read the result" },
      {
        kind: "code",
        label: "recordInfo",
        lang: "sh",
        code: `curl -sS "${base}/api/v1/jobs/recordInfo?taskId=task_..." -H "Authorization: Bearer ${keyVar}"`,
      },
      { kind: "p", text: "Repeat until `state` is `success` (then `resultJson` lists the image URLs) or `fail` (then `failMsg` says why, and nothing was charged). Most images take a few seconds; pass `callBackUrl` to be told instead of asking, see [Callbacks](/docs/callbacks)." },
      { kind: "h2", id: "next", text: "Next" },
      {
        kind: "list",
        items: [
          "Every model and its parameters: [Models](/models), or `GET /api/v1/models`.",
          "Already on OpenAI's SDK? Point it at this server: [OpenAI SDK](/docs/openai).",
          "Every endpoint, field and error: the [API reference](/docs/api).",
        ],
      },
    ],
  };
}

function tasks(base: string): Guide {
  return {
    slug: "tasks",
    title: "Tasks: lifecycle, polling and cancelling",
    summary: "What happens between createTask and the image, the states a task goes through, and how to follow it.",
    blocks: [
      { kind: "p", text: "Every generation is a task. createTask checks the input against the model's own parameters, holds the price against your balance (live keys), and queues the job; a worker sends it to an upstream, copies the images to this server and ends the task. The hold is captured when the images arrive and released when the task fails: a failed generation is never charged." },
      { kind: "h2", id: "states", text: "States" },
      {
        kind: "table",
        head: ["state", "meaning", "next"],
        rows: [
          ["`waiting`", "Accepted and queued here; not yet sent upstream. Cancelling is possible.", "`queuing`, `generating`, `fail`"],
          ["`queuing`", "Accepted by the upstream, waiting in its queue (`queuePosition` when the upstream tells).", "`generating`, `fail`"],
          ["`generating`", "The upstream is making the image (`progress` 0 to 100 when it tells).", "`success`, `fail`"],
          ["`success`", "The images are stored here; `resultJson` lists them. The price was charged.", "(final)"],
          ["`fail`", "`failCode` and `failMsg` say why. Nothing was charged.", "(final)"],
        ],
      },
      { kind: "p", text: "When an upstream refuses a job (rate limit, outage) the worker tries the model's next route, so one provider's bad minute does not fail your task. A task still unfinished at its deadline (15 minutes by default) is cancelled upstream and fails with `failCode` `timeout`." },
      { kind: "h2", id: "polling", text: "Polling or callbacks" },
      { kind: "p", text: "**Polling**: call recordInfo every 2 to 5 seconds. It is cheap, needs no public endpoint, and is what the curl samples do. **Callbacks**: pass `callBackUrl` in createTask and receive the same record by POST once, when the task ends, signed so you can prove it came from us (see [Callbacks](/docs/callbacks)). Use callbacks in production for many tasks; keep a slow poll as a safety net." },
      {
        kind: "code",
        label: "poll until done (shell)",
        lang: "sh",
        code: `until curl -sS "${base}/api/v1/jobs/recordInfo?taskId=$TASK_ID" -H "Authorization: Bearer ${keyVar}" \\
  | grep -E '"state":"(success|fail)"'; do sleep 3; done`,
      },
      { kind: "h2", id: "result", text: "The result" },
      { kind: "p", text: '`resultJson` is a JSON string: `{"resultUrls":[...],"thumbnailUrls":[...],"images":[{"width":1024,"height":768,"contentType":"image/jpeg"}]}`. The URLs are this server\'s own copies, kept for the retention period the operator set (30 days by default); `POST /api/v1/common/download-url` gives a link that downloads the file as an attachment.' },
      { kind: "h2", id: "cancel", text: "Cancelling" },
      {
        kind: "code",
        label: "cancel",
        lang: "sh",
        code: `curl -sS -X POST ${base}/api/v1/jobs/cancel -H "Authorization: Bearer ${keyVar}" \\
  -H "Content-Type: application/json" -d '{"taskId": "task_..."}'`,
      },
      { kind: "p", text: "A task in `waiting` is always cancelled; one an upstream has accepted is cancelled when that upstream supports it (fal, Replicate) and has not started it. Otherwise the answer is 409 `conflict` and the task runs on." },
    ],
  };
}

function callbacks(base: string): Guide {
  return {
    slug: "callbacks",
    title: "Callbacks and verifying their signature",
    summary: "Receive each task's result by POST when it ends, and check it was signed with your account's secret.",
    blocks: [
      { kind: "p", text: "Pass `callBackUrl` (an https URL reachable from the internet) in createTask. When the task ends we POST the recordInfo answer to it, once per task, signed with [Standard Webhooks](https://www.standardwebhooks.com/) headers: `webhook-id` (stable across retries: deduplicate on it), `webhook-timestamp` (Unix seconds) and `webhook-signature` (`v1,<base64 HMAC-SHA256>`)." },
      { kind: "p", text: "Your signing secret (`whsec_...`) is under [Settings](/dashboard/settings). While you roll it, both the new and the old secret sign each message for 24 hours, so receivers holding either verify." },
      { kind: "h2", id: "delivery", text: "Delivery and retries" },
      { kind: "list", items: [
        "Any 2xx answer within 15 s counts as delivered. 410 Gone stops deliveries to that URL for the task.",
        "Anything else is retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h (8 attempts in about 28 hours, ±10 % jitter); a `Retry-After` in your answer pushes the next attempt back.",
        "Redirects are not followed, and URLs that resolve to private or loopback addresses are refused.",
      ] },
      { kind: "h2", id: "verify-node", text: "Verify in Node.js" },
      {
        kind: "code",
        label: "Node.js (npm install standardwebhooks)",
        lang: "js",
        code: `import { Webhook } from "standardwebhooks";

const wh = new Webhook(process.env.LUMIGATE_WEBHOOK_SECRET); // whsec_...

// Express: app.post("/lumigate", express.raw({ type: "application/json" }), handler)
export function handler(req, res) {
  try {
    // Throws unless the signature matches the raw body and the timestamp is within 5 minutes.
    const event = wh.verify(req.body.toString("utf8"), req.headers);
    console.log(event.data.taskId, event.data.state, JSON.parse(event.data.resultJson || "{}").resultUrls);
    res.sendStatus(204);
  } catch {
    res.sendStatus(400);
  }
}`,
      },
      { kind: "h2", id: "verify-python", text: "Verify in Python" },
      {
        kind: "code",
        label: "Python (pip install standardwebhooks)",
        lang: "python",
        code: `import json, os
from flask import Flask, request
from standardwebhooks.webhooks import Webhook

app = Flask(__name__)
wh = Webhook(os.environ["LUMIGATE_WEBHOOK_SECRET"])  # whsec_...

@app.post("/lumigate")
def lumigate():
    try:
        event = wh.verify(request.get_data(), dict(request.headers))
    except Exception:
        return "", 400
    data = event["data"]
    print(data["taskId"], data["state"])
    return "", 204`,
      },
      { kind: "p", text: "Verify against the raw bytes you received, before any JSON parsing re-serialises them. The body is `{code, msg, data}`: `data` is exactly what recordInfo answers." },
      { kind: "h2", id: "test", text: "Try it locally" },
      { kind: "p", text: `With a test key the whole round trip runs on the simulator. Callbacks to loopback addresses are refused unless the operator sets \`CALLBACKS_ALLOW_LOOPBACK=true\`; on a public instance use a tunnel or a request bin, then create a task with \`"callBackUrl": "https://your-endpoint"\` at ${base}/api/v1/jobs/createTask.` },
    ],
  };
}

function idempotency(base: string): Guide {
  return {
    slug: "idempotency",
    title: "Idempotent retries",
    summary: "Retry createTask after a timeout without creating, or paying for, a second task.",
    blocks: [
      { kind: "p", text: "Send an `Idempotency-Key` header (any unique string up to 255 characters, e.g. a UUID) with createTask. Within 24 hours, the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) instead of creating another task." },
      {
        kind: "code",
        label: "createTask with an Idempotency-Key",
        lang: "sh",
        code: `KEY=$(uuidgen)
curl -sS -X POST ${base}/api/v1/jobs/createTask -H "Authorization: Bearer ${keyVar}" \\
  -H "Content-Type: application/json" -H "Idempotency-Key: $KEY" \\
  -d '{"model": "${sampleModel}", "input": {"prompt": "a red kite"}}'`,
      },
      { kind: "list", items: [
        "The same key with another body, method or path: 422 `idempotency_mismatch`.",
        "The same key while the first request is still running: 409 `idempotency_in_progress` with `Retry-After: 1`.",
        "A client error (4xx) is the key's answer and replays as such; a server error (5xx) frees the key, so the retry runs.",
        "Keys belong to the account: two accounts may use the same string.",
      ] },
    ],
  };
}

function errors(): Guide {
  const blocks: Block[] = [
    { kind: "p", text: "Task routes answer errors as `{code, msg, data: null, doc_url}`; OpenAI-compatible routes as `{error: {message, type, param, code, doc_url}}`. `doc_url` links the section below. A 422 adds `details`: every failing field with its path (`input.steps`) and message. Where the task envelope's `code` is not a standard HTTP status (433, 455, 501, 505) the HTTP status is the standard one given here, so proxies and retry middleware behave." },
    {
      kind: "table",
      head: ["code", "HTTP", "task `code`", "OpenAI `type`", "retry?"],
      rows: errorCodes.map((code) => [`[\`${code}\`](${ERRORS_GUIDE_PATH}#${code})`, String(httpErrors[code].status), String(httpErrors[code].taskCode), `\`${httpErrors[code].openaiType}\``, errorDocs[code].retry]),
    },
  ];
  for (const code of errorCodes) {
    const { status, taskCode } = httpErrors[code];
    blocks.push(
      { kind: "h2", id: code, text: `${code} (HTTP ${status}${taskCode !== status ? `, task code ${taskCode}` : ""})` },
      { kind: "p", text: `**When**: ${errorDocs[code].when}` },
      { kind: "p", text: `**What to do**: ${errorDocs[code].fix}` },
    );
  }
  return { slug: "errors", title: "Errors", summary: "Every error code: its HTTP status, when it happens and what to do.", blocks };
}

function rateLimits(): Guide {
  return {
    slug: "rate-limits",
    title: "Rate limits and spend caps",
    summary: "Requests per key, tasks in flight per account, and the caps that stop spend.",
    blocks: [
      { kind: "table", head: ["limit", "default", "answer when reached"], rows: [
        ["Requests per key", `${DEFAULT_RATE_PER_10S} per 10 s (set per key, up to ${MAX_RATE_PER_10S})`, "429 `rate_limited` with `Retry-After`"],
        ["Tasks in flight per account", "24 unfinished tasks", "429 `rate_limited`, `Retry-After: 2`"],
        ["Account daily / monthly spend cap", "none (set in Settings)", "402 `spend_cap_reached`"],
        ["Key daily spend cap", "none (set per key)", "402 `key_limit_exceeded` (task code 433)"],
        ["Balance", "what you topped up", "402 `insufficient_credits`"],
      ] },
      { kind: "p", text: "Every answer to a key route carries `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` (seconds until the window frees). Back off for `Retry-After` seconds on a 429; retrying sooner only spends your window." },
      { kind: "p", text: "Spend caps count a task's price when it is created (held) and give it back if it fails, so a cap can never be overrun by tasks in flight. Days and months are UTC." },
    ],
  };
}

function testMode(): Guide {
  const directive = (token: string, effect: string) => [`\`${token}\``, effect];
  return {
    slug: "test-mode",
    title: "Test keys and the simulator",
    summary: "Free test keys, the built-in upstream simulator, and the prompt directives that make it fail on purpose.",
    blocks: [
      { kind: "p", text: "A test key (`lg_test_...`) takes the same requests as a live key and runs them on the built-in simulator: it speaks each upstream's real protocol, takes a realistic time, and draws a placeholder image at the requested size, seeded by prompt, seed and model. Nothing is charged, and recordInfo says `simulated: true`. Live keys also run on the simulator for providers the operator has not configured; the model pages say so." },
      { kind: "h2", id: "directives", text: "Fault directives" },
      { kind: "p", text: "Put a directive in the prompt to test how your code handles trouble. It is removed from the prompt before the image is drawn. `@bfl`, `@fal`, `@replicate` or `@openai` after the name limits it to one upstream, e.g. `[sim:429@bfl]` makes only the first route refuse, so you see the failover." },
      { kind: "table", head: ["directive", "effect"], rows: [
        directive("[sim:fail]", "The upstream reports a failed generation: the task fails, nothing is charged."),
        directive("[sim:moderate]", "The upstream flags the content: the task fails with `failCode` `moderated`."),
        directive("[sim:429]", "The upstream refuses the job as rate limited: the next route is tried; when every route refuses, the whole list is retried with backoff for 2 minutes, then the task fails."),
        directive("[sim:500]", "The upstream answers 500 to the submission."),
        directive("[sim:503]", "The upstream answers 503 to the submission."),
        directive("[sim:hang]", "The job never finishes: the task fails at its deadline with `failCode` `timeout`."),
        directive("[sim:slow=5000]", "The job takes this many milliseconds."),
        directive("[sim:dup-webhook]", "The upstream sends its webhook twice: still one charge."),
        directive("[sim:expire]", "The result file is already gone when it is fetched: the task fails cleanly."),
        directive("[sim:poll-500]", "Every other status poll answers 500: polling carries on."),
      ] },
      { kind: "code", label: "a failing task, on purpose", lang: "json", code: `{"model": "flux-2-pro", "input": {"prompt": "a red kite [sim:fail]"}}` },
    ],
  };
}

function openaiSdk(base: string): Guide {
  return {
    slug: "openai",
    title: "OpenAI SDK",
    summary: "Call any model with OpenAI's official images API clients, with only the base URL changed.",
    blocks: [
      { kind: "p", text: "`POST /v1/images/generations` and `POST /v1/images/edits` take OpenAI's request shapes and answer in them. `model` is any Lumigate model id; `size` maps onto the model's aspect ratios. One task and one charge per image (`n`); the request waits until the images are ready." },
      {
        kind: "code",
        label: "Python",
        lang: "python",
        code: `from openai import OpenAI

client = OpenAI(base_url="${base}/v1", api_key="lg_test_...")
result = client.images.generate(model="${sampleModel}", prompt="a lighthouse at dawn, watercolor", size="1024x1024")
print(result.data[0].url)`,
      },
      {
        kind: "code",
        label: "JavaScript",
        lang: "js",
        code: `import OpenAI from "openai";

const client = new OpenAI({ baseURL: "${base}/v1", apiKey: "lg_test_..." });
const result = await client.images.generate({ model: "${sampleModel}", prompt: "a lighthouse at dawn, watercolor" });
console.log(result.data[0].url);`,
      },
      { kind: "p", text: "Errors arrive as the SDK's own exceptions (`AuthenticationError`, `RateLimitError`, ...), with `code` and `doc_url` in the body. For generations that take longer than the wait (2 minutes by default), use createTask." },
    ],
  };
}

function replicateClient(base: string): Guide {
  return {
    slug: "replicate",
    title: "Replicate client",
    summary: "Keep Replicate's official client and change two settings: its base URL and its token.",
    blocks: [
      { kind: "p", text: `Lumigate answers Replicate's predictions API under \`${base}/replicate/v1\`. Models keep Replicate's \`owner/name\` ids (\`black-forest-labs/flux-2-pro\`, \`black-forest-labs/flux-2-flex\`, ...); every Lumigate slug works too. Billing, limits and errors are the task API's: a live key is charged the model's price when the image arrives, a test key runs free on the simulator.` },
      {
        kind: "code",
        label: "JavaScript (npm install replicate)",
        lang: "js",
        code: `import Replicate from "replicate";

const replicate = new Replicate({ auth: process.env.LUMIGATE_API_KEY, baseUrl: "${base}/replicate/v1" });
const output = await replicate.run("black-forest-labs/flux-2-pro", { input: { prompt: "a lighthouse at dawn, watercolor" } });
console.log(String(output));`,
      },
      {
        kind: "code",
        label: "Python (pip install replicate)",
        lang: "python",
        code: `import os, replicate

client = replicate.Client(api_token=os.environ["LUMIGATE_API_KEY"], base_url="${base}/replicate/v1")
output = client.run("black-forest-labs/flux-2-pro", input={"prompt": "a lighthouse at dawn, watercolor"})
print(output)`,
      },
      { kind: "h2", id: "routes", text: "What is answered" },
      { kind: "list", items: [
        "`POST /models/{owner}/{name}/predictions`, with `Prefer: wait` (up to 60 s) to get the finished prediction in the same request.",
        "`GET /predictions/{id}`, `POST /predictions/{id}/cancel` and `GET /predictions` (newest first, with a `next` cursor).",
        "The prediction object: `id`, `model`, `input`, `status` (`starting`, `processing`, `succeeded`, `failed`, `canceled`), `output` (our own image URL), `error`, `metrics.predict_time` and `urls`.",
      ] },
      { kind: "h2", id: "webhooks", text: "Webhooks" },
      { kind: "p", text: "Pass `webhook` (https) and optionally `webhook_events_filter`. The body is the finished prediction, signed with Standard Webhooks headers under your account's secret from [Settings](/dashboard/settings); verify it exactly as in [Callbacks](/docs/callbacks). It is sent once the prediction ends, when the filter includes `completed` or `output` (the default is every event), and retried on the callback schedule. `start` and `logs` events are not sent: a filter of only those sends nothing." },
      { kind: "h2", id: "limits", text: "Differences from Replicate" },
      { kind: "list", items: [
        "Input images go in as URLs or data URIs. The client's automatic upload of local files (a Buffer or Blob in `input`) needs Replicate's files API, which is not offered: the client then stops with a 404.",
        "Models run by name: `POST /predictions` with a `version` answers 422. `version` in a prediction is `hidden`.",
        "`output_quality` is refused (422): images are delivered as the upstream made them, never re-encoded.",
        "Predictions and their images stay for the retention period the operator set (30 days by default), not one hour.",
      ] },
    ],
  };
}

function mcp(base: string): Guide {
  const snippets = mcpInstallSnippets(base);
  return {
    slug: "mcp",
    title: "MCP server for coding agents",
    summary: "Let Claude Code, Codex or Cursor find models, generate images and check tasks with your API key.",
    blocks: [
      { kind: "p", text: `The MCP server is at \`${mcpEndpoint(base)}\` (streamable HTTP). It takes your API key as \`Authorization: Bearer <key>\` and is charged exactly like the API: a live key pays each delivered image's price, a test key runs free on the simulator.` },
      { kind: "table", head: ["tool", "what it does"], rows: [
        ["`list_models`", "Models with their price, task and provider; filter by task, provider, text or maximum price."],
        ["`get_model`", "One model's price, status and parameters with their ranges and defaults."],
        ["`generate_image`", "Creates a task, waits up to `wait_seconds`, and answers the image URLs, cost and task id (or the task id to poll)."],
        ["`get_task`", "A task's state and, once done, its images."],
        ["`get_balance`", "The account's balance, caps and spend today."],
      ] },
      ...snippets.flatMap((s): Block[] => [
        { kind: "h2", id: s.client, text: s.title },
        { kind: "code", label: s.where, lang: s.language, code: s.code },
        { kind: "p", text: s.note },
      ]),
    ],
  };
}

/** Every guide, in reading order. */
export function guides(base: string): Guide[] {
  return [quickStart(base), tasks(base), callbacks(base), idempotency(base), errors(), rateLimits(), testMode(), openaiSdk(base), replicateClient(base), mcp(base)];
}

export function findGuide(slug: string, base: string): Guide | undefined {
  return guides(base).find((g) => g.slug === slug);
}
