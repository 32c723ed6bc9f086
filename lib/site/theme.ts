/** The header's theme choice; "system" follows the operating system's setting. */
export const themes = ["light", "dark", "system"] as const;
export type Theme = (typeof themes)[number];

export const THEME_STORAGE_KEY = "lumigate.theme";

/** The viewport's theme colours (the browser's own bar), the same as the background tokens. */
export const themeColors = { light: "#fcfcfe", dark: "#16151c" } as const;

export function parseTheme(value: unknown): Theme {
  return value === "light" || value === "dark" ? value : "system";
}

/**
 * Runs in <head> before the body is painted, so a stored choice never flashes the other theme: it
 * sets `data-theme` on <html> (absent for "system", where globals.css follows the OS) and, once the
 * head's meta tags exist, points both theme-color tags at the chosen colour.
 */
export const themeScript = `(function(){try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t!=="light"&&t!=="dark")return;document.documentElement.dataset.theme=t;var c=t==="dark"?${JSON.stringify(themeColors.dark)}:${JSON.stringify(themeColors.light)};document.addEventListener("DOMContentLoaded",function(){document.querySelectorAll('meta[name="theme-color"]').forEach(function(m){m.setAttribute("content",c)})})}catch(e){}})();`;
