// The dashboard: sign-in, my journals, and one journal with its progress, timeline, charts and replay.
import { loadConfig, session, nameOf, demoToken, read, query, Problem } from './api.js';
import { $, el, clear, note, STEPS, KINDS, formatDay, humanize } from './dom.js';
import { renderProgress } from './progress.js';
import { Replay } from './replay.js';
import { Timeline, filtersFrom } from './timeline.js';
import { renderCharts, renderStreaks, destroyCharts } from './charts.js';
import { setUpQuickLog } from './quicklog.js';
import { follow } from './live.js';
import { loadOnThisDay, loadNudges, setUpExport } from './panels.js';

const DAY = 24 * 60 * 60 * 1000;
let current = null; // { journal, timeline, replay, stopLive, generation }

async function start() {
  // Everything below the header loads after the page, so a restored scroll position would land anywhere.
  history.scrollRestoration = 'manual';
  setUpFilters();
  $('#sign-out').onclick = () => signOut();
  window.addEventListener('rekindle:signed-out', () => {
    if (session.token()) signOut('Your session has ended; please sign in again.');
  });
  let config;
  try {
    config = await loadConfig();
  } catch (error) {
    showOnly('#signin');
    clear($('#signin-status'), note(`The dashboard could not reach its service: ${error.message}`, 'error'));
    return;
  }
  setUpSignIn(config);
  try {
    await session.resume();
  } catch (error) {
    showOnly('#signin');
    clear($('#signin-status'), note(`Could not sign in: ${explain(error)}`, 'error'));
    return;
  }
  if (session.token()) showSignedIn();
  else showOnly('#signin');
}

function showOnly(...selectors) {
  for (const section of document.querySelectorAll('main > section')) {
    section.hidden = !selectors.includes(`#${section.id}`);
  }
  $('#who').hidden = !session.token();
}

function setUpSignIn(config) {
  const demo = config.demo && session.canSignInAtProvider();
  $('#demo-strip').hidden = !demo;
  $('#provider-signin').hidden = !session.canSignInAtProvider();
  $('#provider-name').textContent = config.issuer ? new URL(config.issuer).host : '';
  $('#demo-signin').hidden = !demo;
  $('#token-signin').open = !session.canSignInAtProvider();
  $('#sign-in-at-provider').onclick = async () => {
    clear($('#signin-status'), note('Taking you to sign in…'));
    try {
      await session.signInAtProvider();
    } catch (error) {
      clear($('#signin-status'), note(`Could not reach the sign-in service: ${explain(error)}`, 'error'));
    }
  };
  $('#demo-signin').onsubmit = async (submitted) => {
    submitted.preventDefault();
    const username = $('#username').value.trim();
    clear($('#signin-status'), note('Signing in…'));
    try {
      session.signIn(await demoToken(username), username);
      showSignedIn();
    } catch (error) {
      clear($('#signin-status'), note(`Could not sign in: ${explain(error)}`, 'error'));
    }
  };
  $('#token-form').onsubmit = (submitted) => {
    submitted.preventDefault();
    const token = $('#token').value.trim().replace(/^Bearer\s+/i, '');
    if (!token) return;
    session.signIn(token, nameOf(token));
    $('#token').value = '';
    showSignedIn();
  };
}

/**
 * Leaves the journal: the page keeps nothing of it. A person signing out also signs out at the provider (the
 * page goes there and comes back); a session that merely ended stays here with the message.
 */
async function signOut(message) {
  const ended = typeof message === 'string';
  closeJournal();
  const leaving = session.signOut({ atProvider: !ended });
  // Nothing of the journal stays in the page either, not even hidden.
  for (const id of ['journal-list', 'progress', 'timeline-list', 'timeline-status', 'charts', 'charts-scope',
    'streaks', 'on-this-day', 'nudges', 'export-panel', 'log-status', 'journal-title', 'journal-intention',
    'journal-meta', 'who-name', 'live-status']) {
    clear($(`#${id}`));
  }
  $('#filters').reset();
  $('#quick-log').reset();
  history.replaceState(null, '', location.pathname);
  showOnly('#signin');
  clear($('#signin-status'), ended ? note(message) : null);
  try {
    await leaving;
  } catch (error) {
    clear($('#signin-status'), note(`You are signed out on this page, but the sign-in service could not be told:`
      + ` ${explain(error)}`, 'error'));
  }
}

async function showSignedIn() {
  $('#who-name').textContent = session.user();
  clear($('#signin-status'));
  showOnly('#journals');
  const list = $('#journal-list');
  clear(list, note('Loading your journals…'));
  try {
    const { journals } = await read('/journals');
    if (journals.length === 0) {
      clear(list, note('You have no journals yet. Open one with the API (POST /journals) and it will show here.'));
      return;
    }
    clear(list, el('ul', { class: 'journal-cards' }, journals.map((journal) => el('li', {},
      el('button', { type: 'button', class: 'journal-card', 'data-journal-id': journal.journalId,
          onclick: () => openJournal(journal) },
        el('strong', { text: `With ${journal.partnerName}` }),
        el('span', { class: 'muted', text: journal.intention }),
        el('span', { class: 'small', text: `${humanize(journal.status)} · ${journal.progress.stepsCompleted} of 6 steps`
          + ` completed · ${journal.entryCount} ${journal.entryCount === 1 ? 'entry' : 'entries'}` }))))));
    const wanted = new URLSearchParams(location.hash.slice(1)).get('journal');
    const chosen = journals.find((j) => j.journalId === wanted) || journals[0];
    await openJournal(chosen);
  } catch (error) {
    if (!session.token()) return;
    clear(list, note(`Your journals could not be loaded: ${explain(error)}`, 'error'));
  }
}

function closeJournal() {
  if (!current) return;
  current.stopLive();
  current.replay.dispose();
  current.timeline.dispose();
  destroyCharts();
  current = null;
}

async function openJournal(journal) {
  closeJournal();
  history.replaceState(null, '', `#journal=${journal.journalId}`);
  showOnly('#journals', '#journal');
  document.querySelectorAll('.journal-card').forEach((card) =>
    card.setAttribute('aria-current', String(card.dataset.journalId === journal.journalId)));
  $('#journal-title').textContent = `With ${journal.partnerName}`;
  $('#journal-intention').textContent = journal.intention;
  $('#journal-meta').textContent = `Opened ${formatDay(journal.openedAt)} · ${humanize(journal.status)}`
    + (journal.closure ? ` (${humanize(journal.closure.outcome)})` : '');
  const timeline = new Timeline($('#timeline'), journal.journalId);
  timeline.filters = filtersFrom($('#filters'));
  const replay = new Replay(journal, () => refresh());
  current = { journal, timeline, replay, stopLive: () => {}, generation: 0 };
  const closed = journal.status !== 'OPEN';
  $('#quick-log').hidden = closed;
  $('#quick-log-closed').hidden = !closed;
  if (!closed) {
    setUpQuickLog($('#quick-log'), { journalId: journal.journalId, onLogged: afterLogging });
  }
  setUpExport($('#export-panel'), journal.journalId);
  replay.setUp();
  await refresh();
  startLive(journal);
}

/** Re-reads every view of the open journal, as of the replay instant if one is chosen. */
async function refresh({ minVersion } = {}) {
  if (!current) return;
  const { journal, timeline } = current;
  const generation = ++current.generation;
  const asOf = current.replay?.asOf ?? null;
  timeline.asOf = asOf ? asOf.toISOString() : null;
  const day = zoneDay(asOf || new Date(), journal.timezone);
  const stillCurrent = () => current && current.generation === generation;
  await Promise.all([
    loadProgress(journal, asOf, minVersion, stillCurrent),
    timeline.reload({ minVersion }),
    loadAnalytics(journal, day, minVersion, stillCurrent),
    loadOnThisDay($('#on-this-day'), journal.journalId, day),
    loadNudges($('#nudges'), journal.journalId),
  ]);
}

async function loadProgress(journal, asOf, minVersion, stillCurrent) {
  const container = $('#progress');
  container.setAttribute('aria-busy', 'true');
  try {
    const progress = await read(`/journals/${journal.journalId}/progress${query({
      asOf: asOf ? asOf.toISOString() : undefined, minVersion })}`);
    if (stillCurrent()) renderProgress(container, progress);
  } catch (error) {
    if (stillCurrent()) clear(container, note(`Progress could not be loaded: ${explain(error)}`, 'error'));
  } finally {
    container.removeAttribute('aria-busy');
  }
}

async function loadAnalytics(journal, day, minVersion, stillCurrent) {
  // No "from": entries may be logged for days before the journal was opened, and they count too.
  const weeks = (Date.parse(day) - Date.parse(journal.openedAt)) / (7 * DAY);
  const analyticsOf = (bucket) => read(`/journals/${journal.journalId}/analytics${query({
    to: day, bucket, minVersion })}`);
  try {
    // Entries back-dated years before the opening can span more weeks than one answer holds (400 max-periods):
    // months then.
    const analytics = await analyticsOf(weeks > 26 ? 'MONTH' : 'WEEK').catch((error) => {
      if (error instanceof Problem && error.body?.errors?.[0]?.rule === 'max-periods') return analyticsOf('MONTH');
      throw error;
    });
    if (!stillCurrent()) return;
    // Analytics go by the day things happened, not by when they were written down: say so while replaying.
    $('#charts-scope').textContent = current.replay?.asOf
      ? `Entries that happened up to ${formatDay(day)}, including any written down later.`
      : 'By the day things happened, in the journal\'s time zone.';
    renderStreaks($('#streaks'), analytics);
    renderCharts($('#charts'), analytics);
  } catch (error) {
    if (!stillCurrent()) return;
    destroyCharts();
    $('#charts-scope').textContent = '';
    const text = `Could not load: ${explain(error)}`;
    clear($('#streaks'), note(text, 'error'));
    clear($('#charts'), note(text, 'error'));
  }
}

/** After a quick-log: read with minVersion so the entry is there on the very next read. */
async function afterLogging(answer) {
  current.replay.reset();
  await refresh({ minVersion: answer.version });
  return current.timeline.has(answer.entryId);
}

// ---- Live ---------------------------------------------------------------------------------------------

function startLive(journal) {
  const status = $('#live-status');
  let pending;
  current.stopLive = follow(journal.journalId, {
    onStatus: (state) => {
      status.dataset.state = state;
      status.textContent = { connecting: 'Listening for new entries…', live: 'Live', reconnecting: 'Reconnecting…',
        stopped: 'Live updates stopped' }[state];
    },
    onEvent: (event) => {
      if (!current || current.journal.journalId !== journal.journalId || current.replay?.asOf) return;
      const version = Number(event.id);
      clearTimeout(pending);
      pending = setTimeout(() => refresh({ minVersion: Number.isFinite(version) ? version : undefined }), 300);
    },
  });
}

// ---- Filters ------------------------------------------------------------------------------------------

function setUpFilters() {
  const form = $('#filters');
  const step = $('#filter-step');
  step.append(...STEPS.map(([slug, name]) => el('option', { value: slug, text: name })));
  $('#filter-kind').append(...Object.entries(KINDS).map(([kind, name]) => el('option', { value: kind, text: name })));
  let pending;
  const apply = () => {
    if (!current) return;
    current.timeline.filters = filtersFrom(form);
    current.timeline.reload();
  };
  form.onsubmit = (submitted) => {
    submitted.preventDefault();
    apply();
  };
  form.onchange = apply;
  $('#filter-q').oninput = () => {
    clearTimeout(pending);
    pending = setTimeout(apply, 350);
  };
  form.onreset = () => setTimeout(apply);
}

// ---- Helpers ------------------------------------------------------------------------------------------

/** The calendar day (YYYY-MM-DD) an instant falls on in the journal's time zone. */
function zoneDay(instant, timezone) {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit',
      day: '2-digit' }).format(instant);
  } catch {
    return instant.toISOString().slice(0, 10);
  }
}

function explain(error) {
  if (error instanceof Problem && error.body?.errors) {
    return error.body.errors.map((e) => `${e.field} ${e.message}`).join('; ');
  }
  return error.message;
}

start();
