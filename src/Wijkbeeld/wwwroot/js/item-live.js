// Item page: when this item changes elsewhere, refresh its facts and log in place (the comment form is left alone).
const article = document.getElementById('item-details');
const itemId = Number(article.dataset.itemId);
const notice = document.getElementById('item-live-notice');

// One change at a time, in order: htmx runs one request at a time on a page and, while one runs, keeps only the
// last one asked for, so a second change handled at once could leave the facts of the first on the page.
let queue = Promise.resolve();
document.addEventListener('wijkbeeld:change', event => {
  queue = queue.then(() => show(event.detail)).catch(() => {});
});

async function show(change) {
  if (change.itemId !== itemId) return;
  if (change.type === 'deleted') {
    notice.textContent = article.dataset.textDeleted;
  } else {
    await htmx.ajax('GET', location.pathname, { target: '#item-body', select: '#item-body', swap: 'outerHTML' });
    await htmx.ajax('GET', location.pathname, { target: '#item-log', select: '#item-log', swap: 'outerHTML' });
    document.getElementById('item-body').classList.add('flash');
    notice.textContent = article.dataset.textChanged;
  }
  notice.hidden = false;
  notice.classList.add('flash');
}
