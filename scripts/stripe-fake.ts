// `tsx scripts/stripe-fake.ts --port 4242 --webhook-url <app>/api/stripe/webhook --webhook-secret whsec_...`
// runs the local Stripe fake until stopped (Playwright starts it beside the app). Its Checkout page
// delivers the signed events to --webhook-url.
import { parseArgs } from "node:util";
import { startStripeFake } from "@/lib/testing/stripe-fake";

const { values } = parseArgs({
  options: { port: { type: "string" }, "webhook-url": { type: "string" }, "webhook-secret": { type: "string" } },
});
const port = Number(values.port ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, not ${values.port}`);
  process.exit(2);
}
const fake = await startStripeFake({ port, webhookUrl: values["webhook-url"], webhookSecret: values["webhook-secret"] });
console.log(`stripe fake listening on ${fake.url}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void fake.stop().then(() => process.exit(0)));
}
