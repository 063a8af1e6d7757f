// /wachtrij: what waits on this device, what could not be sent (with the text kept), and what was sent.
import { all, flush, onChange, remove } from './outbox.js';

const root = document.getElementById('outbox');
const t = root.dataset;
const lists = {
  waiting: document.getElementById('outbox-waiting'),
  problems: document.getElementById('outbox-problems'),
  sent: document.getElementById('outbox-sent'),
};

function when(iso) {
  return new Date(iso).toLocaleString('nl-NL', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
}

function typeLabel(entry) {
  return t['text' + 'Type' + entry.type[0].toUpperCase() + entry.type.slice(1)] || entry.type;
}

function row(entry) {
  const li = document.createElement('li');
  li.className = `outbox-entry outbox-${entry.status}`;
  li.dataset.status = entry.status;
  const head = document.createElement('p');
  const strong = document.createElement('strong');
  strong.textContent = typeLabel(entry);
  head.append(strong, ` · ${when(entry.createdAt)}`);
  const stateText = entry.status === 'sent' ? t.textSent : (entry.status === 'waiting' || entry.status === 'sending') ? t.textWaiting : '';
  if (stateText) {
    const state = document.createElement('span');
    state.className = 'outbox-state';
    state.textContent = stateText;
    head.append(' · ', state);
  }
  li.append(head);
  const label = document.createElement('p');
  if (entry.status === 'sent' && entry.result?.url) {
    const a = document.createElement('a');
    a.href = entry.result.url;
    a.textContent = entry.label || entry.result.url;
    label.append(a);
  } else {
    label.textContent = entry.label;
  }
  li.append(label);
  if (entry.status === 'conflict' || entry.status === 'refused') {
    const why = document.createElement('p');
    why.className = 'field-error';
    why.textContent = entry.status === 'conflict' ? t.textConflict : `${t.textRefused} ${entry.result?.message || ''}`;
    li.append(why);
    // Nothing typed is lost: the text stays here to copy until the person removes it.
    if (entry.body && entry.contentType === 'application/json') {
      const kept = document.createElement('pre');
      kept.className = 'outbox-kept';
      kept.textContent = Object.entries(entry.body).filter(([, v]) => v != null && v !== '' && !(Array.isArray(v) && v.length === 0))
        .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v}`).join('\n');
      li.append(kept);
    }
    if (entry.itemId) {
      const open = document.createElement('p');
      const a = document.createElement('a');
      a.href = `/items/${entry.itemId}`;
      a.textContent = t.textOpenItem;
      open.append(a);
      li.append(open);
    }
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button secondary';
    button.textContent = t.textRemove;
    button.addEventListener('click', () => remove(entry.id));
    li.append(button);
  }
  return li;
}

function fill(list, entries, emptyText) {
  list.replaceChildren(...entries.map(row));
  if (entries.length === 0 && emptyText) {
    const li = document.createElement('li');
    li.className = 'outbox-empty';
    li.textContent = emptyText;
    list.append(li);
  }
}

async function render() {
  const entries = await all();
  const waiting = entries.filter(e => e.status === 'waiting' || e.status === 'sending');
  const problems = entries.filter(e => e.status === 'conflict' || e.status === 'refused');
  const sent = entries.filter(e => e.status === 'sent').reverse();
  fill(lists.waiting, waiting, t.textEmpty);
  fill(lists.problems, problems);
  fill(lists.sent, sent, t.textNoneSent);
  document.getElementById('waiting-count').textContent = `(${waiting.length})`;
  document.getElementById('outbox-problems-section').hidden = problems.length === 0;
}

document.getElementById('outbox-send').addEventListener('click', () => flush().catch(() => {}));
document.getElementById('outbox-clear').addEventListener('click', async () => {
  for (const entry of await all()) if (entry.status === 'sent') await remove(entry.id);
});
onChange(render);
render();
