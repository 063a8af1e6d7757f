// The add form in the field: without a connection (or with photos) the item goes through the outbox; while
// placing, open items of the same kind nearby are offered with "steun dit" instead of a new item.
import { all, enqueue, flush, remove, shrinkPhoto, tell } from './outbox.js';
import { number, text, toInput } from './item-input.js';

const form = document.querySelector('form.item-form');
const root = document.getElementById('field-capture');
const t = root.dataset;
const photos = document.getElementById('field-photos');
const notice = document.getElementById('capture-notice');
const picker = document.getElementById('picker');
const latInput = document.getElementById('Form_Latitude');
const lonInput = document.getElementById('Form_Longitude');
const panel = document.getElementById('duplicates');
const list = document.getElementById('duplicate-list');
const supportComment = document.getElementById('support-comment');

const say = (message, { link = false, error = false } = {}) =>
  tell(notice, message, { link, linkText: t.textQueuedLink, error, focus: true });

form.addEventListener('submit', async event => {
  const files = [...photos.files];
  // Online without photos: the ordinary form post, with the server's own error messages.
  if (navigator.onLine && files.length === 0) return;
  event.preventDefault();
  const input = toInput(new FormData(form));
  const itemEntry = await enqueue({ type: 'item', url: '/api/items', body: input, label: input.title || '' });
  const photoEntries = [];
  for (const file of files) {
    const blob = await shrinkPhoto(file);
    photoEntries.push(await enqueue({
      type: 'photo', url: '/api/items/{item}/photos', body: blob, contentType: blob.type || 'application/octet-stream',
      label: `${input.title || ''} – ${file.name}`, after: itemEntry,
    }));
  }
  if (navigator.onLine) {
    say(t.textSending);
    await flush().catch(() => {});
    const entry = (await all()).find(e => e.id === itemEntry);
    if (entry?.status === 'sent') {
      location.href = entry.result.url;
      return;
    }
    if (entry?.status === 'refused') {
      // The person is still on the form: they fix it here, so nothing stays behind in the outbox.
      for (const id of [itemEntry, ...photoEntries]) await remove(id);
      say(`${t.textRefused} ${entry.result.message}`, { error: true });
      return;
    }
  }
  form.reset();
  panel.hidden = true;
  say(t.textQueued, { link: true });
});

// ---- Duplicate check ----
let checkController;
async function check() {
  const kind = form.querySelector('input[name="Form.Kind"]:checked')?.value;
  const lat = number(latInput.value);
  const lon = number(lonInput.value);
  if (!kind || lat == null || lon == null) { panel.hidden = true; return; }
  checkController?.abort();
  checkController = new AbortController();
  let data;
  try {
    const response = await fetch(`/api/items/nearby?latitude=${lat}&longitude=${lon}&kind=${encodeURIComponent(kind)}`,
      { signal: checkController.signal, headers: { Accept: 'application/json' } });
    if (!response.ok) { panel.hidden = true; return; }
    data = await response.json();
  } catch {
    return; // aborted by a newer check, or no data at all
  }
  document.getElementById('duplicates-cached').hidden = !data.cached;
  list.replaceChildren(...data.items.map(item => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = `/items/${item.id}`;
    a.textContent = item.title;
    const meta = document.createElement('span');
    meta.className = 'hint';
    meta.textContent = ` · ${item.distanceMetres} ${t.textAway}`;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button secondary';
    button.textContent = t.textSupport;
    button.setAttribute('aria-label', `${t.textSupport}: ${item.title}`);
    const result = document.createElement('p');
    result.className = 'support-result';
    result.setAttribute('role', 'status');
    button.addEventListener('click', async () => {
      button.disabled = true;
      const id = await enqueue({
        type: 'support', url: `/api/items/${item.id}/support`, itemId: item.id,
        body: { comment: text(supportComment.value) }, label: item.title,
      });
      if (navigator.onLine) await flush().catch(() => {});
      const entry = (await all()).find(e => e.id === id);
      result.textContent = entry?.status === 'sent' ? t.textSupported : t.textSupportedQueued;
      supportComment.value = '';
    });
    li.append(a, meta, ' ', button, result);
    return li;
  }));
  panel.hidden = data.items.length === 0;
}

picker?.addEventListener('place', check);
for (const input of [latInput, lonInput]) input.addEventListener('change', check);
form.querySelectorAll('input[name="Form.Kind"]').forEach(r => r.addEventListener('change', check));
check();
