// Editing without a connection: the change waits in the outbox with the version it was based on (If-Match).
// If someone else changed the item meanwhile, the server refuses it (409) and /wachtrij shows the conflict with
// the text kept: nothing is overwritten without the person seeing it.
import { enqueue } from './outbox.js';
import { toInput } from './item-input.js';

const form = document.querySelector('form.item-form');
const root = document.getElementById('field-edit');
const notice = document.getElementById('edit-notice');

form.addEventListener('submit', async event => {
  if (navigator.onLine) return; // online: the ordinary form post with its own conflict page
  event.preventDefault();
  const data = new FormData(form);
  const input = toInput(data);
  const version = data.get('Form.Version');
  await enqueue({
    type: 'edit', method: 'PUT', url: `/api/items/${root.dataset.itemId}`, headers: { 'If-Match': `"${version}"` },
    itemId: Number(root.dataset.itemId), body: input, label: input.title || '',
  });
  notice.replaceChildren(root.dataset.textQueued, ' ');
  const a = document.createElement('a');
  a.href = '/wachtrij';
  a.textContent = root.dataset.textQueuedLink;
  notice.append(a);
  notice.hidden = false;
  notice.focus();
});
