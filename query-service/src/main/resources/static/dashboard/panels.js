// The smaller panels: on this day, nudges and export.
import { read, download, query } from './api.js';
import { el, clear, note, KINDS, humanize, formatDay } from './dom.js';

export async function loadOnThisDay(container, journalId, date) {
  clear(container, note('Loading…'));
  try {
    const answer = await read(`/journals/${journalId}/on-this-day${query({ date })}`);
    const groups = answer.groups || [];
    clear(container, groups.length === 0
      ? note(`Nothing was logged on this day in earlier months (${formatDay(answer.date || date)}).`)
      : el('ul', { class: 'plain' }, groups.map((group) => el('li', {},
        el('strong', { text: `${group.label} · ${formatDay(group.day)}` }),
        el('ul', { class: 'plain small' }, (group.entries || []).map((entry) => el('li', {
          text: `${KINDS[entry.kind] || humanize(entry.kind)}: ${headline(entry)}` })))))));
  } catch (error) {
    clear(container, note(`Could not load: ${error.message}`, 'error'));
  }
}

export async function loadNudges(container, journalId) {
  clear(container, note('Loading…'));
  try {
    const answer = await read(`/journals/${journalId}/nudges`);
    const nudges = Array.isArray(answer) ? answer : (answer.nudges || answer.items || []);
    clear(container, nudges.length === 0 ? note('No nudges right now — keep going.')
      : el('ul', { class: 'plain' }, nudges.map((nudge) => el('li', {},
        el('strong', { text: nudge.title || humanize(nudge.kind || nudge.type || 'Nudge') }),
        nudge.message || nudge.text || nudge.detail
          ? el('span', { text: ` — ${nudge.message || nudge.text || nudge.detail}` }) : null))));
  } catch (error) {
    clear(container, note(`Could not load: ${error.message}`, 'error'));
  }
}

export function setUpExport(container, journalId) {
  const status = el('div', { class: 'export-status', 'aria-live': 'polite' });
  const button = (format, label, extension) => el('button', { type: 'button', class: 'secondary', text: label,
    onclick: async () => {
      status.replaceChildren(note('Preparing…'));
      try {
        await download(`/journals/${journalId}/export?format=${format}`, `rekindle-journal.${extension}`);
        status.replaceChildren(note('Downloaded.', 'ok'));
      } catch (error) {
        status.replaceChildren(note(`Could not export: ${error.message}`, 'error'));
      }
    } });
  clear(container, el('div', { class: 'buttons' }, button('json', 'JSON', 'json'),
    button('markdown', 'Markdown', 'md'), button('csv', 'CSV', 'csv')), status);
}

function headline(entry) {
  const f = entry.fields || {};
  return f.topic || f.text || f.description || f.idea || f.activity || f.pursuit || f.note
    || (entry.kind === 'CHECK_IN' ? `mood ${f.mood}, connection ${f.connection}` : '');
}
