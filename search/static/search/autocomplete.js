// Suggestions as you type in the search box: an ARIA 1.2 combobox with a listbox popup.
// Progressive enhancement: without this script the box is a plain search form.
// Arrow keys move through the suggestions, Enter opens the chosen one, Escape closes the list.

const DEBOUNCE_MS = 150;
const MIN_LENGTH = 2;

function enhance(container) {
  const input = container.querySelector("input[type=search]");
  const endpoint = container.dataset.autocompleteUrl;
  if (!input || !endpoint) return;

  const listId = `${input.id}-suggestions`;
  const list = document.createElement("ul");
  list.id = listId;
  list.className = "commons-autocomplete__list";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Suggestions");
  list.hidden = true;

  const status = document.createElement("div");
  status.className = "govuk-visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");

  const hint = document.createElement("span");
  hint.id = `${input.id}-autocomplete-hint`;
  hint.className = "govuk-visually-hidden";
  hint.textContent = "When suggestions appear, use the up and down arrows to choose one and press Enter to open it.";

  container.classList.add("commons-autocomplete");
  container.append(list, status, hint);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listId);
  const describedBy = [input.getAttribute("aria-describedby"), hint.id].filter(Boolean);
  input.setAttribute("aria-describedby", describedBy.join(" "));

  let suggestions = [];
  let active = -1;
  let timer = null;
  let controller = null;

  function close() {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    suggestions = [];
    active = -1;
  }

  function highlight(position) {
    active = position;
    [...list.children].forEach((option, i) => {
      const on = i === position;
      option.setAttribute("aria-selected", on ? "true" : "false");
      option.classList.toggle("commons-autocomplete__option--active", on);
    });
    if (position >= 0) {
      input.setAttribute("aria-activedescendant", `${listId}-${position}`);
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function choose(position) {
    const suggestion = suggestions[position];
    if (!suggestion) return;
    input.value = suggestion.text;
    close();
    window.location.assign(suggestion.url || suggestion.search_url);
  }

  function show(items) {
    suggestions = items;
    list.replaceChildren(
      ...items.map((item, i) => {
        const option = document.createElement("li");
        option.id = `${listId}-${i}`;
        option.className = "commons-autocomplete__option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = item.text;
        const kind = document.createElement("span");
        kind.className = "commons-autocomplete__kind";
        kind.textContent = item.kind === "tag" ? " (tag)" : "";
        option.append(kind);
        // mousedown, not click: it comes before the input loses focus.
        option.addEventListener("mousedown", (event) => {
          event.preventDefault();
          choose(i);
        });
        return option;
      }),
    );
    const open = items.length > 0;
    list.hidden = !open;
    input.setAttribute("aria-expanded", open ? "true" : "false");
    active = -1;
    status.textContent = open
      ? `${items.length} suggestion${items.length === 1 ? "" : "s"} available.`
      : "No suggestions.";
  }

  async function fetchSuggestions() {
    const typed = input.value.trim();
    if (typed.length < MIN_LENGTH) {
      close();
      return;
    }
    if (controller) controller.abort();
    controller = new AbortController();
    try {
      const response = await fetch(`${endpoint}?q=${encodeURIComponent(typed)}`, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: controller.signal,
      });
      if (!response.ok) return close();
      const answer = await response.json();
      if (input.value.trim() === typed) show(answer.suggestions || []);
    } catch (error) {
      if (error.name !== "AbortError") close();
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, DEBOUNCE_MS);
  });

  input.addEventListener("keydown", (event) => {
    const open = !list.hidden && suggestions.length > 0;
    if (event.key === "ArrowDown" && open) {
      event.preventDefault();
      highlight((active + 1) % suggestions.length);
    } else if (event.key === "ArrowUp" && open) {
      event.preventDefault();
      highlight(active <= 0 ? suggestions.length - 1 : active - 1);
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      close();
    }
  });

  input.addEventListener("blur", () => setTimeout(close, 100));
}

document
  .querySelectorAll("[data-module=commons-search-autocomplete]")
  .forEach((container) => enhance(container));
