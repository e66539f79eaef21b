// Server-sent events that reconnect by themselves (EventSource does), with the connection's state shown to the user.
import { h } from './dom.js';
import { t } from './i18n.js';

/**
 * Listens to an SSE stream; calls onEvent(data) for each event of the given name, and onReconnect() each time the
 * stream is back after a break (the streams are live only: what was raised during the break must be read again).
 * Returns {indicator, close}: the indicator is an element saying whether the feed is live.
 */
export function listen(path, eventName, onEvent, onReconnect = () => {}) {
  const indicator = h('span', { class: 'live-indicator connecting', role: 'status' }, t('live.connecting'));
  const source = new EventSource(path);
  let opened = false;
  source.addEventListener('open', () => {
    show(indicator, 'live');
    if (opened) onReconnect();
    opened = true;
  });
  source.addEventListener('error', () => show(indicator, source.readyState === EventSource.CLOSED ? 'down' : 'connecting'));
  source.addEventListener(eventName, event => onEvent(JSON.parse(event.data)));
  return { indicator, close: () => source.close() };
}

function show(indicator, state) {
  indicator.className = `live-indicator ${state}`;
  indicator.textContent = t(`live.${state}`);
}
