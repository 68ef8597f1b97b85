// Charts from the analytics endpoint, drawn with Chart.js (served as a WebJar, loaded as a classic script).
import { el, clear, note, humanize, formatDay } from './dom.js';

const COLORS = ['#c8553d', '#2d7d9a', '#8a6fb0', '#e0a458', '#5b8c5a', '#9a8c7a', '#d17a9c'];
const charts = [];

export function destroyCharts() {
  while (charts.length) charts.pop().destroy();
}

export function renderStreaks(container, analytics) {
  const streaks = analytics.streaks || {};
  clear(container,
    el('div', { class: 'stat' }, el('span', { class: 'stat-value', text: String(streaks.current ?? 0) }),
      el('span', { class: 'stat-label', text: 'day streak now' })),
    el('div', { class: 'stat' }, el('span', { class: 'stat-value', text: String(streaks.longest ?? 0) }),
      el('span', { class: 'stat-label', text: 'longest streak' })),
    el('div', { class: 'stat' }, el('span', { class: 'stat-value', text: String(analytics.entries ?? 0) }),
      el('span', { class: 'stat-label', text: 'entries in range' })));
}

export function renderCharts(container, analytics) {
  destroyCharts();
  if (!window.Chart) {
    clear(container, note('The chart library could not be loaded.', 'error'));
    return;
  }
  const periods = analytics.periods || [];
  const labels = periods.map((p) => formatDay(p.start));
  const per = analytics.bucket === 'MONTH' ? 'month' : 'week';
  const conversations = analytics.conversations || {};
  const together = analytics.togetherness || {};
  const panels = [
    ['Mood and connection', `Average check-in per ${per} (1–5)`, {
      type: 'line',
      data: { labels, datasets: [
        line('Mood', periods.map((p) => p.moodAverage), 0),
        line('Connection', periods.map((p) => p.connectionAverage), 1)] },
      options: { scales: { y: { min: 1, max: 5, ticks: { stepSize: 1 } } } },
    }],
    [`Entries per ${per}`, 'By kind', {
      type: 'bar',
      data: { labels, datasets: [
        bar('Check-ins', periods.map((p) => p.checkIns), 0),
        bar('Conversations', periods.map((p) => p.conversations), 1),
        bar('Together', periods.map((p) => p.together), 4),
        bar('Other', periods.map((p) => Math.max(0, p.entries - p.checkIns - p.conversations - p.together)), 5)] },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    }],
    ['Conversation outcomes', `${conversations.count ?? 0} conversations`, pie(conversations.outcomes)],
    ['Who starts conversations', 'Me or my partner', pie(conversations.initiatedBy)],
    ['Together and apart', 'Time together vs time for ourselves', {
      type: 'bar',
      data: { labels: ['Together', 'Mine apart', "Partner's apart"], datasets: [{
        label: 'Times', data: [together.together ?? 0, together.mine?.count ?? 0, together.partners?.count ?? 0],
        backgroundColor: [COLORS[4], COLORS[1], COLORS[2]] }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
    }],
  ];
  clear(container, panels.map(([title, subtitle, config]) => {
    const canvas = el('canvas', { role: 'img', 'aria-label': `${title}: ${subtitle}` });
    const figure = el('figure', { class: 'chart' },
      el('figcaption', {}, el('strong', { text: title }), el('span', { text: subtitle })),
      el('div', { class: 'chart-box' }, canvas));
    if (isEmpty(config)) {
      figure.querySelector('.chart-box').replaceChildren(note('Nothing logged for this yet.'));
    } else {
      config.options = { responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } }, ...config.options };
      charts.push(new window.Chart(canvas, config));
    }
    return figure;
  }));
}

function line(label, data, color) {
  return { label, data, borderColor: COLORS[color], backgroundColor: COLORS[color], spanGaps: true, tension: 0.3 };
}

function bar(label, data, color) {
  return { label, data, backgroundColor: COLORS[color] };
}

function pie(counts = {}) {
  const entries = Object.entries(counts || {}).filter(([, count]) => count > 0);
  return {
    type: 'doughnut',
    data: { labels: entries.map(([name]) => humanize(name)), datasets: [{
      data: entries.map(([, count]) => count), backgroundColor: COLORS }] },
    options: {},
  };
}

function isEmpty(config) {
  return config.data.datasets.every((set) => set.data.every((value) => !value));
}
