// Live updates from /journals/{id}/live. EventSource cannot send the bearer header, so the stream is read
// with fetch and parsed here (the server-sent-events format: "id:", "event:", "data:", a blank line).
import { session } from './api.js';

/**
 * Follows the journal's stream until stopped, reconnecting with Last-Event-ID. Calls onStatus with
 * 'connecting', 'live', 'reconnecting' or 'stopped' and onEvent with {id, type, data} for each event.
 */
export function follow(journalId, { onEvent, onStatus }) {
  const controller = new AbortController();
  let lastEventId = null;
  let stopped = false;

  async function connect() {
    onStatus('connecting');
    while (!stopped) {
      try {
        const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${session.token()}` };
        if (lastEventId !== null) headers['Last-Event-ID'] = lastEventId;
        const response = await fetch(`/journals/${journalId}/live`, { headers, signal: controller.signal });
        if (response.status === 401) {
          window.dispatchEvent(new CustomEvent('rekindle:signed-out'));
          return;
        }
        if (response.status === 429) {
          // This person has the most streams open at once: wait as long as the service asks, then try again.
          onStatus('reconnecting');
          await pause(1000 * (Number(response.headers.get('Retry-After')) || 10));
          continue;
        }
        if (response.status >= 400 && response.status < 500) {
          // A journal that is gone (404) or a refused question does not change by asking again.
          onStatus('stopped');
          return;
        }
        if (!response.ok || !response.body) throw new Error(`live answered ${response.status}`);
        onStatus('live');
        await readEvents(response.body, (event) => {
          if (event.id !== null) lastEventId = event.id;
          onEvent(event);
        });
      } catch (error) {
        if (stopped) return;
      }
      if (stopped) return;
      onStatus('reconnecting');
      await pause(2000);
    }
  }

  const pause = (millis) => new Promise((resolve) => setTimeout(resolve, millis));

  connect();
  return () => {
    stopped = true;
    controller.abort();
  };
}

async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = { id: null, type: 'message', data: '' };
      const data = [];
      for (const line of block.split('\n')) {
        if (!line || line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'id') event.id = text;
        else if (field === 'event') event.type = text;
        else if (field === 'data') data.push(text);
      }
      if (data.length || event.id !== null) {
        event.data = data.join('\n');
        onEvent(event);
      }
    }
  }
}
