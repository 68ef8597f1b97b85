// The six steps as a strip: where each stands, since when, and how much was logged there.
import { el, clear, stepName, formatDay, STEPS } from './dom.js';

const STATUS = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  COMPLETED: 'Completed',
};

/** Always all six, in program order: a step the answer does not mention has not been started. */
export function renderProgress(container, progress) {
  const known = new Map((progress.steps || []).map((s) => [s.step, s]));
  clear(container, el('ol', { class: 'steps' }, STEPS.map(([slug], index) =>
    step(known.get(slug) || { step: slug, number: index + 1, status: 'NOT_STARTED', entryCount: 0 }))));
}

function step(s) {
  const status = s.status || 'NOT_STARTED';
  const lines = [];
  if (status === 'COMPLETED' && s.completedAt) lines.push(`Completed ${formatDay(s.completedAt)}`);
  else if (s.startedAt) lines.push(`Started ${formatDay(s.startedAt)}`);
  const count = s.entryCount || 0;
  lines.push(count === 1 ? '1 entry' : `${count} entries`);
  if (s.reopenedCount) lines.push(`reopened ${s.reopenedCount}×`);
  return el('li', { class: `step step-${status.toLowerCase().replace(/_/g, '-')}`, 'data-step': s.step,
      'data-status': status },
    el('span', { class: 'step-number', 'aria-hidden': 'true', text: String(s.number) }),
    el('span', { class: 'step-name', text: stepName(s.step) }),
    el('span', { class: 'step-status', text: STATUS[status] || status }),
    el('span', { class: 'step-meta', text: lines.join(' · ') }),
    s.summary ? el('span', { class: 'step-summary', text: `“${s.summary}”` }) : null);
}
