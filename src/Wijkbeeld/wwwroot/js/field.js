// On every page: installs the service worker, shows how much waits in the outbox (header), sends it when the
// connection returns, and says when the page shows data from this device instead of from the server.
import { counts, flush, onChange, prune } from './outbox.js';

const badge = document.getElementById('outbox-count');
const status = document.getElementById('field-status');
const announcer = document.getElementById('live-announcer');

async function showCount() {
  const { waiting, problems } = await counts();
  const n = waiting + problems;
  badge.hidden = n === 0;
  badge.textContent = String(n);
  badge.title = `${waiting} ${badge.dataset.textWaiting}`;
  document.body.dataset.outboxWaiting = String(waiting);
}

let sending = false;
async function send() {
  if (sending || !navigator.onLine) return;
  sending = true;
  try {
    const sent = await flush();
    if (sent > 0 && announcer) announcer.textContent = `${sent} ${status.dataset.textSent}`;
  } catch { /* retried on the next occasion */ } finally {
    sending = false;
  }
}

onChange(showCount);
window.addEventListener('online', () => { status.hidden = true; send(); });
showCount().then(send);
prune().catch(() => {});
// A connection can come back without an 'online' event (a captive portal, a flaky cell): try now and then.
setInterval(() => { if (document.body.dataset.outboxWaiting !== '0') send(); }, 30000);

// Service worker: offline pages and data. Only over https or on localhost, as browsers require.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).then(() => navigator.serviceWorker.ready).then(registration => {
    const urls = performance.getEntriesByType('resource').map(e => e.name).filter(u => u.startsWith(location.origin));
    registration.active?.postMessage({ type: 'cache-assets', urls });
  }).catch(() => { /* no offline support here; everything else still works */ });

  navigator.serviceWorker.addEventListener('message', event => {
    if (event.data?.type !== 'stale' || navigator.onLine) return;
    const at = new Date(event.data.fetchedAt);
    const time = at.toLocaleString('nl-NL', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
    status.textContent = status.dataset.textStale.replace('{0}', time);
    status.hidden = false;
  });
}
