// Shared by the log and the detail page; every time the dashboard shows is UTC.

export const dateTimeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
