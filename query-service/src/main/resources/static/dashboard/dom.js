// Builds elements with text set through textContent only: nothing a person wrote is ever parsed as HTML.

export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') element.textContent = value;
    else if (name === 'class') element.className = value;
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function $(selector, root = document) {
  return root.querySelector(selector);
}

export function clear(element, ...children) {
  element.replaceChildren(...children.flat().filter(Boolean));
  return element;
}

/** A calm one-line state for a panel: loading, empty, done, or an error. */
export function note(text, kind = 'muted') {
  return el('p', { class: `note note-${kind}`, text });
}

export const STEPS = [
  ['reflect-on-the-past', 'Reflect on the past'],
  ['communicate-openly', 'Communicate openly'],
  ['show-genuine-interest', 'Show genuine interest'],
  ['rekindle-romance', 'Rekindle romance'],
  ['reignite-friendship', 'Reignite friendship'],
  ['give-each-other-space', 'Give each other space'],
];

export const KINDS = {
  REFLECTION: 'Reflection',
  CONVERSATION: 'Conversation',
  GESTURE: 'Gesture',
  DATE: 'Date',
  ACTIVITY: 'Shared activity',
  PERSONAL_TIME: 'Time apart',
  CHECK_IN: 'Check-in',
};

export function stepName(slug) {
  return (STEPS.find(([s]) => s === slug) || [slug, slug || 'All steps'])[1];
}

export function humanize(value) {
  if (value === null || value === undefined) return '';
  const text = String(value).replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function formatDay(iso) {
  if (!iso) return '';
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso);
  return date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function formatTime(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(undefined, {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit',
  });
}
