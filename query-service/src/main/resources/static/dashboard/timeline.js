// The timeline: filters, pages fetched as you scroll (nextCursor), and an entry's history on demand.
import { read, query } from './api.js';
import { el, clear, note, KINDS, humanize, formatTime, formatDay } from './dom.js';

const PAGE = 20;

/** What each kind shows as its headline and the fields worth a line underneath. */
const SHAPES = {
  REFLECTION: ['text', ['myPart', 'My part'], ['theirPart', 'Their part'], ['lesson', 'Lesson']],
  CONVERSATION: ['topic', ['initiatedBy', 'Started by'], ['minutes', 'Minutes'], ['feltHeard', 'Felt heard'],
    ['listenedWell', 'Listened well'], ['outcome', 'Outcome'], ['notes', 'Notes']],
  GESTURE: ['description', ['gesture', 'Kind']],
  DATE: ['idea', ['status', 'Status'], ['dateKind', 'Kind'], ['rating', 'Rating'],
    ['memory', 'Memory'], ['cancelReason', 'Cancelled because']],
  ACTIVITY: ['activity', ['laughedTogether', 'Laughed together'], ['newMemory', 'New memory']],
  PERSONAL_TIME: ['pursuit', ['whose', 'Whose'], ['minutes', 'Minutes']],
  CHECK_IN: ['note', ['mood', 'Mood'], ['connection', 'Connection']],
};

export class Timeline {
  constructor(root, journalId) {
    this.root = root;
    this.journalId = journalId;
    this.list = root.querySelector('#timeline-list');
    this.status = root.querySelector('#timeline-status');
    this.more = root.querySelector('#timeline-more');
    this.filters = {};
    this.asOf = null;
    this.generation = 0;
    this.more.onclick = () => this.loadMore();
    this.observer = new IntersectionObserver((seen) => {
      if (seen.some((s) => s.isIntersecting) && this.cursor && !this.loading) this.loadMore();
    }, { rootMargin: '200px' });
    this.observer.observe(this.more);
  }

  dispose() {
    this.observer.disconnect();
    this.generation++;
  }

  /** Reloads from the newest entry with the current filters (and replay instant, if any). */
  async reload({ minVersion } = {}) {
    const generation = ++this.generation;
    this.cursor = null;
    this.status.replaceChildren(note('Loading entries…'));
    this.more.hidden = true;
    try {
      const page = await this.fetchPage(null, minVersion);
      if (generation !== this.generation) return;
      clear(this.list);
      this.show(page);
    } catch (error) {
      if (generation !== this.generation) return;
      clear(this.list);
      this.status.replaceChildren(note(`The timeline could not be loaded: ${error.message}`, 'error'));
    }
  }

  async loadMore() {
    if (!this.cursor || this.loading) return;
    const generation = this.generation;
    this.loading = true;
    this.more.disabled = true;
    try {
      const page = await this.fetchPage(this.cursor);
      if (generation === this.generation) this.show(page);
    } catch (error) {
      this.status.replaceChildren(note(`More entries could not be loaded: ${error.message}`, 'error'));
    } finally {
      this.loading = false;
      this.more.disabled = false;
    }
  }

  fetchPage(cursor, minVersion) {
    return read(`/journals/${this.journalId}/timeline${query({
      ...this.filters, limit: PAGE, cursor, asOf: this.asOf, minVersion,
    })}`);
  }

  show(page) {
    for (const entry of page.entries) this.list.append(this.item(entry));
    this.cursor = page.nextCursor;
    this.more.hidden = !this.cursor;
    const count = this.list.children.length;
    const filtered = Object.values(this.filters).some(Boolean);
    this.status.replaceChildren(count === 0
      ? note(filtered ? 'No entries match these filters.' : 'Nothing logged yet.')
      : note(`${count} ${count === 1 ? 'entry' : 'entries'} shown${this.cursor ? ' — scroll for more' : ''}.`));
  }

  has(entryId) {
    return Boolean(this.list.querySelector(`[data-entry-id="${CSS.escape(entryId)}"]`));
  }

  item(entry) {
    const [headline, ...details] = SHAPES[entry.kind] || ['text'];
    const fields = entry.fields || {};
    const when = entry.kind === 'REFLECTION' && fields.occurredOn ? formatDay(fields.occurredOn)
      : formatTime(entry.occurredAt);
    const facts = details.filter(([name]) => fields[name] !== undefined && fields[name] !== null && fields[name] !== '')
      .map(([name, label]) => el('div', { class: 'fact' },
        el('dt', { text: label }), el('dd', { text: display(fields[name]) })));
    const item = el('li', { class: `entry kind-${entry.kind.toLowerCase()}${entry.retracted ? ' retracted' : ''}`,
        'data-entry-id': entry.entryId, 'data-kind': entry.kind },
      el('div', { class: 'entry-head' },
        el('span', { class: 'badge', text: KINDS[entry.kind] || humanize(entry.kind) }),
        el('time', { datetime: entry.occurredAt, text: when }),
        entry.revision > 1 ? el('span', { class: 'badge badge-amended', text: 'amended' }) : null,
        entry.retracted ? el('span', { class: 'badge badge-retracted', text: 'retracted' }) : null),
      el('p', { class: 'entry-text', text: display(fields[headline]) || KINDS[entry.kind] }),
      facts.length ? el('dl', { class: 'facts' }, facts) : null);
    if (entry.revision > 1) {
      const history = el('div', { class: 'history', hidden: true });
      const button = el('button', { type: 'button', class: 'link', 'aria-expanded': 'false',
        text: 'Show history' });
      button.onclick = () => this.toggleHistory(entry.entryId, button, history);
      item.append(button, history);
    }
    return item;
  }

  async toggleHistory(entryId, button, history) {
    const open = button.getAttribute('aria-expanded') === 'true';
    button.setAttribute('aria-expanded', String(!open));
    button.textContent = open ? 'Show history' : 'Hide history';
    history.hidden = open;
    if (open || history.childElementCount) return;
    history.replaceChildren(note('Loading history…'));
    try {
      const answer = await read(`/journals/${this.journalId}/entries/${entryId}`);
      // Each revision shows what it changed; the first shows what those fields were before any change.
      const changed = [...new Set(answer.revisions.flatMap((r) => Object.keys(r.changes || {})))];
      const shown = (r) => (r.revision === 1
        ? changed.filter((name) => name in (r.fields || {})).map((name) => [name, r.fields[name]])
        : Object.entries(r.changes || {}));
      history.replaceChildren(el('ol', { class: 'revisions' }, answer.revisions.map((r) => el('li', {},
        el('strong', { text: r.revision === 1 ? 'As first logged' : `Revision ${r.revision}` }),
        ` · ${formatTime(r.recordedAt)}`,
        r.reason ? el('span', { class: 'reason', text: ` — ${r.reason}` }) : null,
        el('div', { class: 'changes', text: shown(r)
          .map(([name, value]) => `${humanize(name)}: ${display(value)}`).join(' · ') })))));
    } catch (error) {
      history.replaceChildren(note(`History could not be loaded: ${error.message}`, 'error'));
    }
  }
}

function display(value) {
  if (value === true) return 'yes';
  if (value === false) return 'no';
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' && /^[A-Z_]+$/.test(value)) return humanize(value);
  return String(value);
}

/** The filter form's values as timeline parameters; dates are whole days in the viewer's time zone. */
export function filtersFrom(form) {
  const data = new FormData(form);
  const day = (value, plusDays = 0) => {
    if (!value) return undefined;
    const date = new Date(`${value}T00:00:00`);
    date.setDate(date.getDate() + plusDays);
    return date.toISOString();
  };
  return {
    step: data.get('step') || undefined,
    kind: data.get('kind') || undefined,
    from: day(data.get('from')),
    to: day(data.get('to'), 1),
    q: (data.get('q') || '').trim() || undefined,
  };
}
