// Live updates for every page: one SignalR connection that follows the municipality, announces each change,
// and after a lost connection catches up on what it missed by sequence number. Pages listen for
// the 'wijkbeeld:change' event on document; each change arrives once.
const body = document.body;
const municipality = body.dataset.municipality;
const statusElement = document.getElementById('connection-status');
const announcer = document.getElementById('live-announcer');
// Everything up to the sequence number the page was rendered at is already on the page.
const renderedAt = Number(body.dataset.sequence) || 0;
let lastSequence = renderedAt;
const seen = new Set();

function announce(text) {
  announcer.textContent = '';
  setTimeout(() => { announcer.textContent = text; }, 50);
}

function showStatus(text, hideAfterMs) {
  statusElement.textContent = text;
  statusElement.hidden = false;
  clearTimeout(showStatus.timer);
  if (hideAfterMs) showStatus.timer = setTimeout(() => { statusElement.hidden = true; }, hideAfterMs);
}

function deliver(change) {
  if (change.sequence <= renderedAt || seen.has(change.sequence)) return;
  seen.add(change.sequence);
  lastSequence = Math.max(lastSequence, change.sequence);
  document.dispatchEvent(new CustomEvent('wijkbeeld:change', { detail: change }));
}

async function catchUp() {
  // Look a little further back than the last number seen: on PostgreSQL a lower number can commit after a higher one.
  let since = Math.max(0, lastSequence - 50);
  for (;;) {
    const response = await fetch(`/api/activity?since=${since}&pageSize=200&area=${encodeURIComponent(municipality)}`);
    if (!response.ok) return;
    const page = await response.json();
    page.entries.forEach(deliver);
    if (!page.hasMore || page.entries.length === 0) return;
    since = page.entries[page.entries.length - 1].sequence;
  }
}

// "Nieuw sinds je laatste bezoek": the previous visit is remembered in this browser; it stays fixed for this session.
const previousVisit = (() => {
  let previous = sessionStorage.getItem('wijkbeeld:previousVisit');
  if (previous === null) {
    previous = localStorage.getItem('wijkbeeld:lastVisit') || '';
    sessionStorage.setItem('wijkbeeld:previousVisit', previous);
  }
  localStorage.setItem('wijkbeeld:lastVisit', new Date().toISOString());
  return previous ? new Date(previous) : null;
})();

function isNew(isoDate) {
  return previousVisit !== null && new Date(isoDate) > previousVisit;
}

/** Marks elements with data-updated (or data-at) newer than the previous visit. Returns how many. */
function markNew(root = document) {
  let count = 0;
  for (const element of root.querySelectorAll('[data-updated], [data-at]')) {
    if (element.classList.contains('is-new') || !isNew(element.dataset.updated || element.dataset.at)) continue;
    element.classList.add('is-new');
    const badge = document.createElement('span');
    badge.className = 'badge new';
    badge.textContent = body.dataset.textNew;
    (element.querySelector('.item-title') || element).after(badge);
    count++;
  }
  return count;
}

const connection = new signalR.HubConnectionBuilder()
  .withUrl('/hubs/updates')
  .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(500 * 2 ** ctx.previousRetryCount, 10000) })
  .build();
connection.on('change', deliver);
connection.onreconnecting(() => showStatus(body.dataset.textOffline));
connection.onreconnected(async () => {
  await follow();
  showStatus(body.dataset.textOnline, 4000);
});

async function follow() {
  await connection.invoke('Follow', municipality);
  await catchUp();
}

async function start() {
  try {
    await connection.start();
    await follow();
  } catch {
    showStatus(body.dataset.textOffline);
    setTimeout(start, 5000);
  }
}

window.addEventListener('offline', () => showStatus(body.dataset.textOffline));
// A short outage can leave the connection up (no reconnect follows): then the network coming back ends the notice.
window.addEventListener('online', async () => {
  if (connection.state !== signalR.HubConnectionState.Connected) return;
  try {
    await catchUp();
  } catch {
    return;
  }
  showStatus(body.dataset.textOnline, 4000);
});
document.addEventListener('htmx:afterSwap', event => markNew(event.target));
markNew();
window.wijkbeeldLive = { connection, announce, isNew, markNew, get lastSequence() { return lastSequence; } };
if (municipality) start();
