// Item page: when this item changes elsewhere, refresh its facts and log in place (the comment form is left alone).
const article = document.getElementById('item-details');
const itemId = Number(article.dataset.itemId);
const notice = document.getElementById('item-live-notice');

document.addEventListener('wijkbeeld:change', async event => {
  const change = event.detail;
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
});
