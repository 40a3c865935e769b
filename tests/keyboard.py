"""Fill in every form control of a page's content with the keyboard alone, as a keyboard user would:
Tab to each control, Space for radio buttons and checkboxes (then an arrow key within a radio
group), typing for text fields, arrow keys for selects and sliders, Enter to open a collapsed
section and to submit a filled-in form. Generic: it knows nothing about the page it fills in."""
from __future__ import annotations

MAX_KEYS = 4000
TYPED = {"number": "3", "date": "15012027", "email": "learner@example.org", "url": "https://example.org/"}
TEXT_TYPES = ("", "text", "search", "email", "url", "tel", "number", "date", "textarea")

# What has focus: the element's kind, whether it lies in the page's content, and its state.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  (window.__courseReached = window.__courseReached || new Set()).add(el);
  const tag = el.tagName.toLowerCase();
  const group = el.type === "radio" && el.name
    ? [...document.getElementsByName(el.name)].some((radio) => radio.checked) : el.checked;
  return {
    inContent: !!el.closest(".md-content"),
    tag,
    type: tag === "textarea" ? "textarea" : (tag === "input" ? (el.getAttribute("type") || "").toLowerCase() : (el.type || "")),
    filled: tag === "input" && ["radio", "checkbox"].includes(el.type) ? group : !!el.value,
    open: tag === "summary" ? el.parentElement.open : null,
    // a form is submitted once, when Tab reaches its submit button after its fields
    submit: tag === "button" && el.type === "submit" && !!el.form &&
      !(window.__courseSubmitted ||= new WeakSet()).has(el) && !!window.__courseSubmitted.add(el),
  };
}"""

# Controls in the content a keyboard user cannot have completed: not reached, or left empty.
LEFT_OVER = """() => {
  const reached = window.__courseReached || new Set();
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (el.name ? `[name="${el.name}"]` : "") + (el.type ? `[type="${el.type}"]` : "");
  const controls = [...document.querySelectorAll(".md-content input, .md-content select, .md-content textarea, .md-content button")]
    .filter((el) => el.type !== "hidden" && !el.disabled && !el.closest(".tabbed-set") && el.checkVisibility());
  const problems = [];
  const radios = new Map();
  for (const el of controls) {
    if (el.type === "radio") { radios.set(el.name, [...(radios.get(el.name) || []), el]); continue; }
    if (!reached.has(el)) { problems.push(describe(el) + " was never reached with Tab"); continue; }
    const fillable = el.tagName !== "BUTTON" && !["file", "submit", "button", "reset", "image", "range", "color"].includes(el.type);
    if (fillable && (el.type === "checkbox" ? !el.checked : !el.value)) problems.push(describe(el) + " is still empty");
  }
  for (const [name, group] of radios) {
    if (!group.some((el) => reached.has(el))) problems.push(`radio group "${name}" was never reached with Tab`);
    else if (!group.some((el) => el.checked)) problems.push(`radio group "${name}" has no choice`);
  }
  return problems;
}"""

CONTROLS = """() => document.querySelectorAll(
  '.md-content input:not([type=hidden]):not(.tabbed-set > input), .md-content select, .md-content textarea, .md-content button').length"""


def count_controls(tab) -> int:
    """How many form controls the page's content holds (visible or not)."""
    return tab.evaluate(CONTROLS)


def fill_in(tab) -> list[str]:
    """Tab through the page twice over, completing every control in the content; return what is left."""
    tab.evaluate("() => { window.__courseReached = new Set(); }")
    passes, inside = 0, False
    for _ in range(MAX_KEYS):
        tab.keyboard.press("Tab")
        focused = tab.evaluate(FOCUSED)
        if focused and focused["inContent"]:
            inside = True
            _complete(tab, focused)
        elif inside:
            passes, inside = passes + 1, False
            if passes == 2 or not tab.evaluate(LEFT_OVER):
                break
    return tab.evaluate(LEFT_OVER)


def _complete(tab, focused: dict) -> None:
    kind = focused["type"]
    if focused["tag"] == "summary" and not focused["open"]:
        tab.keyboard.press("Enter")
    elif focused["submit"]:
        tab.keyboard.press("Enter")
    elif focused["filled"]:
        return
    elif kind == "radio":
        tab.keyboard.press("Space")
        tab.keyboard.press("ArrowRight")
    elif kind == "checkbox":
        tab.keyboard.press("Space")
    elif focused["tag"] == "select":
        tab.keyboard.press("ArrowDown")
    elif kind == "range":
        tab.keyboard.press("ArrowRight")
    elif focused["tag"] in ("input", "textarea") and kind in TEXT_TYPES:
        tab.keyboard.type(TYPED.get(kind, "Typed with the keyboard"))
