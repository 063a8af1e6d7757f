// "Wat speelt er": reload the list (same filter) when a change arrives, and highlight what is new.
const list = document.getElementById('activity-list');
const form = document.getElementById('activity-filters');

// One change at a time, in order: htmx runs one request at a time on a page and, while one runs, keeps only the
// last one asked for and reports it done at once, so a change handled meanwhile would be neither highlighted nor announced.
let queue = Promise.resolve();
document.addEventListener('wijkbeeld:change', event => {
  queue = queue.then(() => show(event.detail)).catch(() => {});
});

async function show(change) {
  const params = new URLSearchParams(new FormData(form));
  for (const [key, value] of [...params]) if (!value) params.delete(key);
  const page = new URLSearchParams(location.search).get('page');
  if (page && page !== '1') return;
  await htmx.ajax('GET', `/activiteit?${params}`, { target: '#activity-list', swap: 'innerHTML' });
  const entry = list.querySelector(`[data-sequence="${change.sequence}"]`);
  if (entry) {
    entry.classList.add('flash');
    window.wijkbeeldLive.announce(`${entry.querySelector('.change-type').textContent}: ${change.title}`);
  }
}
