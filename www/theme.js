// Light, dark or the system's theme. The one thing jwt-lens ever stores: the theme the user
// picked, under the key "jwt-lens-theme", and only once they pick one; choosing "System" removes
// it again. Storage may be refused (a privacy mode, some file:// pages): the choice then lasts
// for this page only.

const STORAGE_KEY = "jwt-lens-theme";
const THEMES = new Set(["light", "dark"]);

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The stored choice ("light" or "dark"), or "system" when nothing (valid) is stored. */
export function storedTheme() {
  try {
    const value = storage()?.getItem(STORAGE_KEY) ?? null;
    return THEMES.has(value) ? value : "system";
  } catch {
    return "system";
  }
}

/** Applies `theme` to the page (`<html data-theme>`; none for "system"). */
export function applyTheme(theme) {
  if (THEMES.has(theme)) document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}

/** Stores the user's choice: a theme is kept, "system" leaves nothing behind. */
function storeTheme(theme) {
  try {
    if (THEMES.has(theme)) storage()?.setItem(STORAGE_KEY, theme);
    else storage()?.removeItem(STORAGE_KEY);
  } catch {
    // Refused: the theme still applies to this page.
  }
}

/** Wires the theme menu: shows and applies the stored choice, stores a new one. */
export function wireThemeMenu(select) {
  const initial = storedTheme();
  select.value = initial;
  applyTheme(initial);
  select.addEventListener("change", () => {
    applyTheme(select.value);
    storeTheme(select.value);
  });
}
