// An item's page in the field: photos (shrunk on the device, sent through the outbox) and, without a
// connection, updates kept on the device until they can be sent.
import { all, enqueue, flush, remove, shrinkPhoto, tell } from './outbox.js';

const section = document.getElementById('item-photos');
const t = section.dataset;
const itemId = Number(section.dataset.itemId);
const photoInput = document.getElementById('add-photo');
const photoList = document.getElementById('photo-list');
const notice = document.getElementById('photo-notice');
const commentForm = document.querySelector('form.comment-form');
const log = document.getElementById('item-log');

const say = (message, { link = false, error = false } = {}) =>
  tell(notice, message, { link, linkText: t.textQueuedLink, error });

function showPhoto(url) {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = url;
  const img = document.createElement('img');
  img.src = url;
  img.alt = t.textAlt;
  a.append(img);
  li.append(a);
  photoList.append(li);
}

// Only people who may add photos get the field.
photoInput?.addEventListener('change', async () => {
  const ids = [];
  for (const file of photoInput.files) {
    const blob = await shrinkPhoto(file);
    ids.push(await enqueue({
      type: 'photo', url: `/api/items/${itemId}/photos`, itemId, body: blob,
      contentType: blob.type || 'application/octet-stream', label: file.name,
    }));
  }
  photoInput.value = '';
  if (navigator.onLine) await flush().catch(() => {});
  const entries = (await all()).filter(e => ids.includes(e.id));
  for (const entry of entries) {
    if (entry.status === 'sent' && entry.result.photoUrl) {
      showPhoto(entry.result.photoUrl);
    } else if (entry.status === 'refused') {
      await remove(entry.id);
      say(`${t.textRefused} ${entry.result.message}`, { error: true });
      return;
    }
  }
  if (entries.some(e => e.status === 'waiting' || e.status === 'sending')) say(t.textQueued, { link: true });
  else notice.hidden = true;
});

// Without a connection the update is kept on this device and shown as "nog niet verstuurd".
commentForm?.addEventListener('submit', async event => {
  if (navigator.onLine) return;
  event.preventDefault();
  const data = new FormData(commentForm);
  const text = String(data.get('Comment.Text') || '').trim();
  if (!text) return; // the server's own message explains this once online; offline there is nothing to keep
  const author = String(data.get('Comment.Author') || '').trim() || null;
  await enqueue({ type: 'comment', url: `/api/items/${itemId}/comments`, itemId, body: { text, author }, label: text });
  commentForm.reset();
  const li = document.createElement('li');
  li.className = 'log-pending';
  const state = document.createElement('span');
  state.className = 'badge waiting';
  state.textContent = t.textWaiting;
  const p = document.createElement('p');
  p.textContent = text;
  li.append(state, p);
  log.prepend(li);
  say(t.textCommentQueued, { link: true });
});
