export { fetchImage, type FetchedImage } from "./fetch-image";
export { pollUntil } from "./poll-until";
export { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from "./webhook-receiver";
