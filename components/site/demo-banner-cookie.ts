/** Set when a visitor hides the demo-mode banner; a session cookie, so it returns with the next session. */
export const DEMO_BANNER_COOKIE = "lumigate_demo_banner";
