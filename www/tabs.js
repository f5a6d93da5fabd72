// Switches between the "Decode & verify" and "Encode" panels (WAI-ARIA tabs pattern: one tab
// selected, the others' panels hidden, arrow keys move between tabs).

/** Wires every `[role=tab]` inside `tablist`; returns `select(name)` for programmatic switching. */
export function createTabs(tablist) {
  const tabs = [...tablist.querySelectorAll('[role="tab"]')];

  function select(tab) {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute("aria-selected", String(selected));
      other.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(other.getAttribute("aria-controls"));
      if (panel !== null) panel.hidden = !selected;
    }
  }

  for (const tab of tabs) {
    tab.addEventListener("click", () => select(tab));
    tab.addEventListener("keydown", (event) => {
      const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
      if (step === 0) return;
      const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length];
      select(next);
      next.focus();
    });
  }

  return {
    /** Selects the tab whose `data-tab` attribute is `name`. */
    select(name) {
      const tab = tabs.find((candidate) => candidate.dataset.tab === name);
      if (tab !== undefined) select(tab);
    },
  };
}
