// Server-sent events that reconnect by themselves (EventSource does), with the connection's state shown to the user.
import { h } from './dom.js';
import { t } from './i18n.js';

/**
 * Listens to an SSE stream; calls onEvent(data) for each event of the given name. Returns {indicator, close}: the
 * indicator is an element saying whether the feed is live.
 */
export function listen(path, eventName, onEvent) {
  const indicator = h('span', { class: 'live-indicator connecting', role: 'status' }, t('live.connecting'));
  const source = new EventSource(path);
  source.addEventListener('open', () => show(indicator, 'live'));
  source.addEventListener('error', () => show(indicator, source.readyState === EventSource.CLOSED ? 'down' : 'connecting'));
  source.addEventListener(eventName, event => onEvent(JSON.parse(event.data)));
  return { indicator, close: () => source.close() };
}

function show(indicator, state) {
  indicator.className = `live-indicator ${state}`;
  indicator.textContent = t(`live.${state}`);
}
