// The outbox: what someone adds without a connection is kept on the device (IndexedDB) and sent in order when
// the connection returns. Every entry has its own Idempotency-Key, so sending again after a dropped answer
// never makes a second copy on the server. Any record type can use it: enqueue({ type, url, body }).
const DB_NAME = 'wijkbeeld';
const STORE = 'outbox';
const LOCK = 'wijkbeeld-outbox';
const channel = 'BroadcastChannel' in self ? new BroadcastChannel('wijkbeeld-outbox') : null;
const listeners = new Set();

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run(mode, work) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const result = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(result?.result ?? result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export const all = () => run('readonly', store => store.getAll()).then(list => list.sort((a, b) => a.id - b.id));
const put = entry => run('readwrite', store => store.put(entry));
export const remove = id => run('readwrite', store => store.delete(id)).then(changed);

function changed() {
  channel?.postMessage('changed');
  for (const listener of listeners) listener();
}
channel?.addEventListener('message', () => { for (const listener of listeners) listener(); });

/** Calls back whenever the outbox changes, in this tab or another. */
export function onChange(listener) {
  listeners.add(listener);
}

function newKey() {
  return self.crypto?.randomUUID ? crypto.randomUUID()
    : 'k-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);
}

/**
 * Stores one write to send. url may contain {item}: the id of the item created by entry `after` (a local id),
 * so a photo or comment added to an item that was itself made offline follows it.
 * Returns the local id.
 */
export async function enqueue({ type, url, body, method = 'POST', headers = {}, contentType = 'application/json', label = '', after = null, itemId = null }) {
  const entry = {
    key: newKey(), type, url, method, headers, body, contentType, label, after, itemId,
    status: 'waiting', createdAt: new Date().toISOString(), attempts: 0,
  };
  const id = await put(entry);
  changed();
  return id;
}

export async function counts() {
  const list = await all();
  return {
    waiting: list.filter(e => e.status === 'waiting' || e.status === 'sending').length,
    problems: list.filter(e => e.status === 'conflict' || e.status === 'refused').length,
    sent: list.filter(e => e.status === 'sent').length,
  };
}

/** Sends every waiting entry in order; stops at the first one that cannot go yet (offline, server busy). */
export async function flush() {
  if (navigator.locks) {
    // One tab at a time sends; another tab that asks meanwhile just waits its turn (nothing is sent twice).
    return navigator.locks.request(LOCK, () => sendAll());
  }
  return sendAll();
}

async function sendAll() {
  let sent = 0;
  for (const entry of await all()) {
    if (entry.status !== 'waiting' && entry.status !== 'sending') continue;
    let url = entry.url;
    if (entry.after != null) {
      const parent = (await all()).find(e => e.id === entry.after);
      if (!parent || parent.status === 'refused' || parent.status === 'conflict') {
        await finish(entry, 'refused', { message: parent?.result?.message || '' });
        continue;
      }
      if (parent.status !== 'sent') break; // keep the order
      url = url.replace('{item}', parent.result.itemId);
      entry.itemId = parent.result.itemId;
    }
    let response;
    try {
      entry.status = 'sending';
      entry.attempts += 1;
      await put(entry);
      response = await fetch(url, {
        method: entry.method,
        headers: { ...(entry.headers || {}), 'Content-Type': entry.contentType, 'Idempotency-Key': entry.key, Accept: 'application/json' },
        body: entry.contentType === 'application/json' ? JSON.stringify(entry.body) : entry.body,
      });
    } catch {
      entry.status = 'waiting';
      await put(entry);
      break; // no connection: try again later, from this entry on
    }
    const data = await response.json().catch(() => null);
    if (response.ok) {
      const itemId = entry.type === 'item' || entry.type === 'edit' ? data?.id : (data?.itemId ?? entry.itemId);
      await finish(entry, 'sent', { itemId, url: itemId ? `/items/${itemId}` : null, photoUrl: data?.url ?? null });
      sent++;
    } else if (response.status >= 500 || response.status === 429 || response.headers.has('Retry-After')) {
      entry.status = 'waiting';
      await put(entry);
      break; // the server is busy or away: later, same key
    } else {
      const errors = data?.errors ? Object.values(data.errors).flat() : [];
      const message = [data?.detail, ...errors].filter(Boolean).join(' ');
      await finish(entry, response.status === 409 ? 'conflict' : 'refused', { status: response.status, message, current: data?.current ?? null });
    }
  }
  changed();
  return sent;
}

async function finish(entry, status, result) {
  entry.status = status;
  entry.result = { ...(entry.result || {}), ...result };
  entry.doneAt = new Date().toISOString();
  await put(entry);
}

/** Removes sent entries older than a week (the list of "what was sent" stays short). */
export async function prune(days = 7) {
  const before = Date.now() - days * 86400000;
  for (const entry of await all()) {
    if (entry.status === 'sent' && Date.parse(entry.doneAt) < before) await remove(entry.id);
  }
}

/** Shrinks a photo on the device before it is stored or sent: long side at most 1600 px, JPEG (drops EXIF too). */
export async function shrinkPhoto(file, longSide = 1600) {
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const scale = Math.min(1, longSide / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close?.();
    return await new Promise(resolve => canvas.toBlob(resolve, 'image/jpeg', 0.85));
  } catch {
    return file; // not decodable here (the server checks and refuses what is not a photo)
  }
}

/** Shows a message in a notice element, with a link to the outbox page when asked; for the field scripts. */
export function tell(notice, message, { link = false, linkText = '', error = false, focus = false } = {}) {
  notice.replaceChildren(message);
  if (link) {
    const a = document.createElement('a');
    a.href = '/wachtrij';
    a.textContent = linkText;
    notice.append(' ', a);
  }
  notice.classList.toggle('error', error);
  notice.hidden = false;
  if (focus) notice.focus();
}
