import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

// A local stand-in for the few Stripe endpoints Lumigate calls (there is no stripe-mock on npm),
// answering Stripe's JSON shapes and error envelopes, plus the events Stripe would send and a
// Checkout page for the e2e journey. State lives in memory and dies with the server.

type Json = Record<string, unknown>;
type Session = Json & {
  id: string;
  amount_total: number;
  customer: string | null;
  payment_intent: string | null;
  success_url: string;
  cancel_url: string;
};
type Charge = { id: string; payment_intent: string; amount: number; sessionId: string | null };
type PaymentIntent = Json & { id: string; amount: number; status: string; customer: string | null; payment_method: string | null };
type PaymentMethod = Json & { id: string; customer: string | null };
type Refund = Json & { id: string; charge: string; amount: number };
type Dispute = Json & { id: string; charge: string };
export type FakeRequest = { method: string; path: string; idempotencyKey: string | null; body: Json };

export type StripeFake = {
  /** The base URL to give the app as STRIPE_API_BASE. */
  url: string;
  webhookSecret: string;
  requests(): FakeRequest[];
  sessions(): Session[];
  /** The next `count` API requests whose path starts with `pathPrefix` answer 500 (and say not to retry). */
  failNext(pathPrefix: string, count?: number): void;
  /** PaymentIntents created through the API (off-session charges) and by paid checkouts. */
  paymentIntents(): PaymentIntent[];
  /**
   * Pays (or, for a bank debit, completes unpaid) a session and returns checkout.session.completed.
   * The card is made from `paymentMethod` (a Stripe test id: pm_card_visa by default, pm_card_chargeDeclined
   * declines later off-session charges, pm_card_authenticationRequired asks for 3-D Secure); a
   * session opened to save it gets a customer with the card attached.
   */
  completeSession(sessionId: string, opts?: { paymentStatus?: "paid" | "unpaid"; paymentMethod?: string }): Stripe.Event;
  /** The later success of an unpaid session's payment: checkout.session.async_payment_succeeded. */
  asyncPaymentSucceeded(sessionId: string): Stripe.Event;
  /** The later failure of an unpaid session's payment: checkout.session.async_payment_failed. */
  asyncPaymentFailed(sessionId: string): Stripe.Event;
  /** A session left open until it lapsed: checkout.session.expired. */
  expireSession(sessionId: string): Stripe.Event;
  /** Refunds a paid session (all of it by default): the charge.refunded and refund.created events. */
  refund(sessionId: string, amountCents?: number): { chargeRefunded: Stripe.Event; refundCreated: Stripe.Event };
  /** Opens a dispute on a paid session: charge.dispute.created. */
  openDispute(sessionId: string): Stripe.Event;
  closeDispute(disputeId: string, status: "won" | "lost"): Stripe.Event;
  /** Any event, e.g. a type the app does not handle. */
  event(type: string, object: Json): Stripe.Event;
  /** Signs an event (or a raw body) as Stripe does and POSTs it to the webhook URL. */
  deliver(
    event: Stripe.Event | string,
    opts?: { webhookUrl?: string; timestamp?: number; signature?: string },
  ): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
};

const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;
const now = () => Math.floor(Date.now() / 1000);

/** Stripe's form encoding (`line_items[0][price_data][currency]=usd`) as nested objects and arrays. */
export function parseStripeForm(text: string): Json {
  const root: Json = {};
  for (const [name, value] of new URLSearchParams(text)) {
    const path = name.split(/\[|\]\[|\]/).filter((part, i) => i === 0 || part !== "");
    let node: Json = root;
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Json;
    });
  }
  const arrays = (value: unknown): unknown => {
    if (typeof value !== "object" || value === null) return value;
    const entries = Object.entries(value).map(([k, v]) => [k, arrays(v)] as const);
    const isList = entries.length > 0 && entries.every(([k]) => /^\d+$/.test(k));
    return isList ? entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => v) : Object.fromEntries(entries);
  };
  return arrays(root) as Json;
}

function stripeError(res: ServerResponse, status: number, error: Json, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", "request-id": newId("req"), ...headers });
  res.end(JSON.stringify({ error }));
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", "request-id": newId("req"), ...headers });
  res.end(JSON.stringify(body));
}

const list = (url: string, data: unknown[]) => ({ object: "list", data, has_more: false, url });

// Stripe's test payment methods, as https://docs.stripe.com/testing names them.
const testCards: Record<string, { brand: string; last4: string }> = {
  pm_card_visa: { brand: "visa", last4: "4242" },
  pm_card_mastercard: { brand: "mastercard", last4: "4444" },
  pm_card_chargeDeclined: { brand: "visa", last4: "0002" },
  pm_card_authenticationRequired: { brand: "visa", last4: "3184" },
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startStripeFake(
  opts: { port?: number; webhookUrl?: string; webhookSecret?: string; host?: string } = {},
): Promise<StripeFake> {
  const webhookSecret = opts.webhookSecret ?? `whsec_${randomBytes(24).toString("hex")}`;
  const sessions = new Map<string, Session>();
  const charges = new Map<string, Charge>();
  const refunds = new Map<string, Refund>();
  const disputes = new Map<string, Dispute>();
  const paymentIntents = new Map<string, PaymentIntent>();
  const paymentMethods = new Map<string, PaymentMethod>();
  const customers = new Set<string>();
  const idempotent = new Map<string, { body: string; status: number; response: unknown }>();
  const seen: FakeRequest[] = [];
  const failures: { pathPrefix: string; count: number }[] = [];
  let origin = "";

  const event = (type: string, object: Json): Stripe.Event =>
    ({
      id: newId("evt"),
      object: "event",
      api_version: Stripe.API_VERSION,
      created: now(),
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    }) as unknown as Stripe.Event;

  const sessionOrThrow = (id: string) => {
    const session = sessions.get(id);
    if (!session) throw new Error(`stripe fake: no session ${id}`);
    return session;
  };
  const chargeOf = (session: Session) => {
    const charge = [...charges.values()].find((c) => c.sessionId === session.id);
    if (!charge) throw new Error(`stripe fake: session ${session.id} has not been paid`);
    return charge;
  };

  function createSession(body: Json): Session {
    const items = (body.line_items ?? []) as Json[];
    const amount = items.reduce((sum, item) => {
      const price = (item.price_data ?? {}) as Json;
      return sum + Number(price.unit_amount ?? 0) * Number(item.quantity ?? 1);
    }, 0);
    const id = `cs_test_${randomBytes(24).toString("hex")}`;
    const session: Session = {
      id,
      object: "checkout.session",
      amount_subtotal: amount,
      amount_total: amount,
      client_reference_id: (body.client_reference_id as string) ?? null,
      created: now(),
      customer: (body.customer as string) ?? null,
      customer_creation: (body.customer_creation as string) ?? null,
      setup_future_usage: ((body.payment_intent_data as Json | undefined)?.setup_future_usage as string) ?? null,
      currency: ((items[0]?.price_data as Json | undefined)?.currency as string) ?? "usd",
      expires_at: now() + 86_400,
      livemode: false,
      metadata: (body.metadata as Json) ?? {},
      mode: body.mode ?? "payment",
      payment_intent: null,
      payment_status: "unpaid",
      status: "open",
      success_url: String(body.success_url),
      cancel_url: String(body.cancel_url),
      url: `${origin}/pay/${id}`,
    };
    sessions.set(id, session);
    return session;
  }

  /** The test card a payment method was made from, which decides how its charges answer. */
  const cardOf = new Map<string, string>();

  /** A new payment method from a test card id, as Checkout makes one for each card entered. */
  function newPaymentMethod(testCard: string): PaymentMethod {
    const card = testCards[testCard];
    if (!card) throw new Error(`stripe fake: unknown test card ${testCard}`);
    const pm: PaymentMethod = { id: newId("pm"), object: "payment_method", type: "card", card: { ...card, exp_month: 12, exp_year: 2034 }, customer: null };
    paymentMethods.set(pm.id, pm);
    cardOf.set(pm.id, testCard);
    return pm;
  }

  function completeSession(sessionId: string, opts: { paymentStatus?: "paid" | "unpaid"; paymentMethod?: string } = {}) {
    const { paymentStatus = "paid", paymentMethod = "pm_card_visa" } = opts;
    const session = sessionOrThrow(sessionId);
    if (!session.customer && session.customer_creation === "always") {
      session.customer = newId("cus");
      customers.add(session.customer);
    }
    const pm = newPaymentMethod(paymentMethod);
    if (session.customer && session.setup_future_usage) pm.customer = session.customer;
    const paymentIntent = newId("pi");
    paymentIntents.set(paymentIntent, {
      id: paymentIntent,
      object: "payment_intent",
      amount: session.amount_total,
      currency: "usd",
      customer: session.customer,
      payment_method: pm.id,
      setup_future_usage: session.setup_future_usage ?? null,
      status: paymentStatus === "paid" ? "succeeded" : "processing",
      metadata: structuredClone(session.metadata ?? {}),
    });
    Object.assign(session, { status: "complete", payment_status: paymentStatus, payment_intent: paymentIntent });
    const chargeId = newId("ch");
    charges.set(chargeId, { id: chargeId, payment_intent: paymentIntent, amount: session.amount_total, sessionId });
    return event("checkout.session.completed", session);
  }

  /** POST /v1/payment_intents with confirm: charges a saved card now, or answers Stripe's card error. */
  function createPaymentIntent(body: Json): [number, unknown] {
    const invalid = (message: string, param: string): [number, unknown] => [400, { error: { type: "invalid_request_error", message, param } }];
    const amount = Number(body.amount);
    if (!Number.isInteger(amount) || amount < 50) return invalid("Amount must be at least $0.50 usd.", "amount");
    if (body.currency !== "usd") return invalid("Only usd is supported by the fake.", "currency");
    const customer = (body.customer as string | undefined) ?? null;
    if (customer && !customers.has(customer)) return [404, { error: { type: "invalid_request_error", code: "resource_missing", message: `No such customer: '${customer}'`, param: "customer" } }];
    const pm = body.payment_method ? paymentMethods.get(String(body.payment_method)) : undefined;
    if (body.payment_method && !pm) return [404, { error: { type: "invalid_request_error", code: "resource_missing", message: `No such PaymentMethod: '${String(body.payment_method)}'`, param: "payment_method" } }];
    if (pm && pm.customer !== customer) {
      return invalid(`The provided PaymentMethod was previously used without being attached to a Customer or was detached from a Customer, and may not be used again.`, "payment_method");
    }
    const intent: PaymentIntent = {
      id: newId("pi"),
      object: "payment_intent",
      amount,
      currency: "usd",
      customer,
      payment_method: pm?.id ?? null,
      off_session: body.off_session === "true",
      metadata: (body.metadata as Json) ?? {},
      status: "requires_payment_method",
      last_payment_error: null,
    };
    paymentIntents.set(intent.id, intent);
    if (body.confirm !== "true" || !pm) return [200, intent];
    const decline = (code: string, message: string, extra: Json = {}): [number, unknown] => {
      intent.last_payment_error = { type: "card_error", code, message, ...extra };
      return [402, { error: { type: "card_error", code, message, ...extra, payment_intent: structuredClone(intent) } }];
    };
    if (cardOf.get(pm.id) === "pm_card_chargeDeclined") return decline("card_declined", "Your card was declined.", { decline_code: "generic_decline" });
    if (cardOf.get(pm.id) === "pm_card_authenticationRequired") {
      if (intent.off_session) return decline("authentication_required", "Your card was declined. This transaction requires authentication.", { decline_code: "authentication_required" });
      intent.status = "requires_action";
      return [200, intent];
    }
    intent.status = "succeeded";
    const chargeId = newId("ch");
    charges.set(chargeId, { id: chargeId, payment_intent: intent.id, amount, sessionId: null });
    intent.latest_charge = chargeId;
    return [200, intent];
  }

  async function deliver(ev: Stripe.Event | string, o: { webhookUrl?: string; timestamp?: number; signature?: string } = {}) {
    const target = o.webhookUrl ?? opts.webhookUrl;
    if (!target) throw new Error("stripe fake: no webhook URL to deliver to");
    const payload = typeof ev === "string" ? ev : JSON.stringify(ev, null, 2);
    const signature = o.signature ?? Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret, timestamp: o.timestamp });
    const res = await fetch(target, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8", "stripe-signature": signature },
      body: payload,
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: the text itself is the answer.
    }
    return { status: res.status, body };
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL, text: string) {
    if (!/^Bearer (sk|rk)_test_\w+$/.test(req.headers.authorization ?? "")) {
      return stripeError(res, 401, { type: "invalid_request_error", message: "Invalid API Key provided." });
    }
    const body = req.method === "POST" ? parseStripeForm(text) : Object.fromEntries(url.searchParams);
    const idempotencyKey = (req.headers["idempotency-key"] as string | undefined) ?? null;
    seen.push({ method: req.method ?? "GET", path: url.pathname, idempotencyKey, body });
    const failure = failures.find((f) => f.count > 0 && url.pathname.startsWith(f.pathPrefix));
    if (failure) {
      failure.count--;
      return stripeError(res, 500, { type: "api_error", message: "Injected failure." }, { "stripe-should-retry": "false" });
    }
    if (req.method === "POST" && idempotencyKey) {
      const earlier = idempotent.get(idempotencyKey);
      if (earlier && earlier.body !== text) {
        return stripeError(res, 400, {
          type: "idempotency_error",
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with.`,
        });
      }
      if (earlier) return json(res, earlier.status, earlier.response, { "idempotent-replayed": "true" });
    }
    const [status, response] = route(req.method ?? "GET", url, body);
    if (req.method === "POST" && idempotencyKey) idempotent.set(idempotencyKey, { body: text, status, response });
    if (status >= 400) return stripeError(res, status, (response as { error: Json }).error);
    return json(res, status, response);
  }

  function route(method: string, url: URL, body: Json): [number, unknown] {
    const missing = (kind: string, id: string): [number, unknown] => [
      404,
      { error: { type: "invalid_request_error", code: "resource_missing", message: `No such ${kind}: '${id}'`, param: "id" } },
    ];
    if (method === "POST" && url.pathname === "/v1/checkout/sessions") {
      for (const field of ["success_url", "cancel_url"]) {
        if (!body[field] && body.ui_mode !== "embedded") {
          return [400, { error: { type: "invalid_request_error", message: `Missing required param: ${field}.`, param: field } }];
        }
      }
      return [200, createSession(body)];
    }
    if (method === "GET" && url.pathname === "/v1/checkout/sessions") {
      const pi = url.searchParams.get("payment_intent");
      return [200, list(url.pathname, [...sessions.values()].filter((s) => !pi || s.payment_intent === pi))];
    }
    const sessionMatch = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(url.pathname);
    if (method === "GET" && sessionMatch) {
      const session = sessions.get(sessionMatch[1]!);
      return session ? [200, session] : missing("checkout.session", sessionMatch[1]!);
    }
    if (method === "POST" && url.pathname === "/v1/payment_intents") return createPaymentIntent(body);
    const intentMatch = /^\/v1\/payment_intents\/([^/]+)$/.exec(url.pathname);
    if (method === "GET" && intentMatch) {
      const intent = paymentIntents.get(intentMatch[1]!);
      return intent ? [200, intent] : missing("payment_intent", intentMatch[1]!);
    }
    const methodMatch = /^\/v1\/payment_methods\/([^/]+)$/.exec(url.pathname);
    if (method === "GET" && methodMatch) {
      const pm = paymentMethods.get(methodMatch[1]!);
      return pm ? [200, pm] : missing("payment_method", methodMatch[1]!);
    }
    if (method === "GET" && url.pathname === "/v1/refunds") {
      const charge = url.searchParams.get("charge");
      return [200, list(url.pathname, [...refunds.values()].filter((r) => !charge || r.charge === charge))];
    }
    return [404, { error: { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${url.pathname}).` } }];
  }

  async function payPage(req: IncomingMessage, res: ServerResponse, sessionId: string) {
    const session = sessions.get(sessionId);
    if (!session) {
      res.writeHead(404, { "content-type": "text/plain" });
      return res.end("No such checkout session.");
    }
    if (req.method === "POST") {
      if (session.status === "open") {
        const delivery = await deliver(completeSession(sessionId));
        if (delivery.status !== 200) console.error(`[stripe-fake] webhook answered ${delivery.status}`, delivery.body);
      }
      res.writeHead(303, { location: session.success_url.replace("{CHECKOUT_SESSION_ID}", session.id) });
      return res.end();
    }
    const amount = `$${(session.amount_total / 100).toFixed(2)}`;
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fake Stripe Checkout</title></head>
<body style="font-family: sans-serif; max-width: 28rem; margin: 4rem auto">
<h1>Fake Stripe Checkout</h1>
<p>A local stand-in for Stripe: no card is charged. Paying sends the signed webhook Stripe would send.</p>
<p>Amount: <strong>${escapeHtml(amount)}</strong></p>
<form method="post"><button type="submit">Pay ${escapeHtml(amount)}</button></form>
<p><a href="${escapeHtml(session.cancel_url)}">Cancel and go back</a></p>
</body></html>`);
  }

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", origin);
    try {
      const pay = /^\/pay\/([^/]+)$/.exec(url.pathname);
      if (pay) return await payPage(req, res, pay[1]!);
      if (url.pathname.startsWith("/v1/")) return await api(req, res, url, Buffer.concat(chunks).toString("utf8"));
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    } catch (error) {
      console.error("[stripe-fake]", error);
      stripeError(res, 500, { type: "api_error", message: "The fake failed." });
    }
  });
  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, host, resolve));
  origin = `http://${host}:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    webhookSecret,
    requests: () => [...seen],
    sessions: () => [...sessions.values()].map((s) => structuredClone(s)),
    paymentIntents: () => [...paymentIntents.values()].map((p) => structuredClone(p)),
    failNext: (pathPrefix, count = 1) => void failures.push({ pathPrefix, count }),
    completeSession,
    asyncPaymentSucceeded(sessionId) {
      const session = sessionOrThrow(sessionId);
      session.payment_status = "paid";
      return event("checkout.session.async_payment_succeeded", session);
    },
    asyncPaymentFailed(sessionId) {
      const session = sessionOrThrow(sessionId);
      session.payment_status = "unpaid";
      return event("checkout.session.async_payment_failed", session);
    },
    expireSession(sessionId) {
      const session = sessionOrThrow(sessionId);
      Object.assign(session, { status: "expired", payment_status: "unpaid" });
      return event("checkout.session.expired", session);
    },
    refund(sessionId, amountCents) {
      const session = sessionOrThrow(sessionId);
      const charge = chargeOf(session);
      const refund: Refund = {
        id: newId("re"),
        object: "refund",
        amount: amountCents ?? charge.amount,
        charge: charge.id,
        created: now(),
        currency: "usd",
        payment_intent: charge.payment_intent,
        status: "succeeded",
      };
      refunds.set(refund.id, refund);
      const refunded = [...refunds.values()].filter((r) => r.charge === charge.id).reduce((sum, r) => sum + r.amount, 0);
      const chargeObject = {
        id: charge.id,
        object: "charge",
        amount: charge.amount,
        amount_refunded: refunded,
        currency: "usd",
        payment_intent: charge.payment_intent,
        refunded: refunded >= charge.amount,
        status: "succeeded",
      };
      return { chargeRefunded: event("charge.refunded", chargeObject), refundCreated: event("refund.created", refund) };
    },
    openDispute(sessionId) {
      const charge = chargeOf(sessionOrThrow(sessionId));
      const dispute: Dispute = {
        id: newId("dp"),
        object: "dispute",
        amount: charge.amount,
        charge: charge.id,
        created: now(),
        currency: "usd",
        payment_intent: charge.payment_intent,
        reason: "fraudulent",
        status: "needs_response",
      };
      disputes.set(dispute.id, dispute);
      return event("charge.dispute.created", dispute);
    },
    closeDispute(disputeId, status) {
      const dispute = disputes.get(disputeId);
      if (!dispute) throw new Error(`stripe fake: no dispute ${disputeId}`);
      dispute.status = status;
      return event("charge.dispute.closed", dispute);
    },
    event,
    deliver,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
