// The quick-log form: a conversation, a check-in or a gesture, posted to the command service.
import { write, Problem } from './api.js';
import { $, note } from './dom.js';

const PATHS = { conversation: 'conversations', 'check-in': 'check-ins', gesture: 'gestures' };

export function setUpQuickLog(form, { journalId, onLogged }) {
  const status = $('#log-status', form);
  const kind = () => new FormData(form).get('entryKind');
  const showFieldset = () => {
    for (const fieldset of form.querySelectorAll('fieldset[data-kind]')) {
      const active = fieldset.dataset.kind === kind();
      fieldset.hidden = !active;
      fieldset.disabled = !active;
    }
  };
  form.querySelectorAll('input[name="entryKind"]').forEach((radio) => { radio.onchange = showFieldset; });
  resetTimes(form);
  showFieldset();

  form.onsubmit = async (submitted) => {
    submitted.preventDefault();
    const button = $('button[type="submit"]', form);
    button.disabled = true;
    status.replaceChildren(note('Saving…'));
    try {
      const answer = await write(`/journals/${journalId}/${PATHS[kind()]}`, payload(form, kind()));
      status.replaceChildren(note('Saved. Waiting for it to reach your timeline…'));
      const shown = await onLogged(answer);
      status.replaceChildren(note(shown ? 'Saved — it is on your timeline.'
        : 'Saved. The current filters hide it on the timeline.', 'ok'));
      form.querySelectorAll('fieldset:not([hidden]) input[type="text"], fieldset:not([hidden]) textarea')
        .forEach((input) => { input.value = ''; });
      resetTimes(form);
    } catch (error) {
      status.replaceChildren(note(`Not saved: ${describe(error)}`, 'error'));
    } finally {
      button.disabled = false;
    }
  };
}

function resetTimes(form) {
  const now = new Date();
  now.setSeconds(0, 0);
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
  form.querySelectorAll('input[type="datetime-local"]').forEach((input) => { input.value = local; });
}

function payload(form, kind) {
  const fieldset = form.querySelector(`fieldset[data-kind="${kind}"]`);
  const data = new FormData();
  fieldset.querySelectorAll('[name]').forEach((input) => data.set(input.name, input.value));
  const text = (name) => (data.get(name) || '').trim() || undefined;
  const number = (name) => (data.get(name) ? Number(data.get(name)) : undefined);
  const instant = (name) => (data.get(name) ? new Date(data.get(name)).toISOString() : undefined);
  switch (kind) {
    case 'conversation':
      return { occurredAt: instant('occurredAt'), topic: text('topic'), initiatedBy: data.get('initiatedBy'),
        minutes: number('minutes'), feltHeard: number('feltHeard'), listenedWell: number('listenedWell'),
        outcome: data.get('outcome'), notes: text('notes') };
    case 'check-in':
      return { mood: number('mood'), connection: number('connection'), note: text('note') };
    default:
      return { occurredAt: instant('occurredAt'), kind: data.get('kind'), description: text('description') };
  }
}

function describe(error) {
  if (error instanceof Problem && error.body && Array.isArray(error.body.errors)) {
    return error.body.errors.map((e) => `${e.field} ${e.message}`).join('; ');
  }
  return error.message;
}
