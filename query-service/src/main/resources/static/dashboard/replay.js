// The replay slider over a journal's life, from its opening to now: each position is an instant to read as of.
import { $, clear, note, formatDay, formatTime } from './dom.js';

const DAY = 24 * 60 * 60 * 1000;
const HINT = 'Drag to see your journal as it was on an earlier day.';

export class Replay {
  /** @param onMove called after the instant changed; re-reads the views */
  constructor(journal, onMove) {
    this.journal = journal;
    this.onMove = onMove;
    // The service keeps microseconds and a Date only milliseconds: round up, or the first position would
    // ask for an instant a fraction before the opening, which the service refuses.
    this.openedAt = Date.parse(journal.openedAt) + 1;
    const life = Math.max(1, Date.now() - this.openedAt);
    this.daily = life >= 2 * DAY;
    this.steps = this.daily ? Math.ceil(life / DAY) : 100;
    this.stepMillis = life / this.steps;
    this.asOf = null;
    this.slider = $('#replay');
  }

  /** Shows the slider at "now", ready to drag. */
  setUp() {
    const slider = this.slider;
    Object.assign(slider, { min: '0', max: String(this.steps), value: String(this.steps), disabled: false });
    this.showState();
    $('#replay-start').textContent = formatDay(this.journal.openedAt);
    $('#replay-now').onclick = () => this.moveTo(this.steps);
    slider.oninput = () => {
      this.showLabel();
      clearTimeout(this.pending);
      this.pending = setTimeout(() => this.moveTo(Number(slider.value)), 200);
    };
  }

  /** A drag still waiting to be read must not move the next journal opened. */
  dispose() {
    clearTimeout(this.pending);
    this.slider.oninput = null;
  }

  /** Back to now without re-reading (the caller is about to). */
  reset() {
    if (this.asOf === null) return;
    this.slider.value = String(this.steps);
    this.asOf = null;
    this.showState();
  }

  moveTo(position) {
    this.slider.value = String(position);
    this.asOf = position >= this.steps ? null : new Date(this.openedAt + Math.round(position * this.stepMillis));
    this.showState();
    return this.onMove();
  }

  showState() {
    const replaying = this.asOf !== null;
    this.showLabel();
    $('#journal').classList.toggle('replaying', replaying);
    $('#replay-now').hidden = !replaying;
    $('#quick-log button[type="submit"]').disabled = replaying;
    clear($('#replay-status'), note(replaying
      ? 'Replaying: this is how your journal looked then. Live updates are paused.' : HINT));
  }

  showLabel() {
    const position = Number(this.slider.value);
    const at = new Date(this.openedAt + position * this.stepMillis).toISOString();
    const label = position >= this.steps ? 'Now' : this.daily ? formatDay(at) : formatTime(at);
    $('#replay-value').textContent = label;
    this.slider.setAttribute('aria-valuetext', label);
  }
}

