// Werksessies: one module for the facilitator view, the participant page, a breakout board and the plenary.
// It loads the session from /api/sessions/{id}, watches it on /hubs/sessions, and renders what the page has room for.
const root = document.getElementById('session');
const sessionId = Number(root.dataset.session);
const breakoutAttr = root.dataset.breakout; // '' none, '0' plenary (all boards), 'n' one board
const board = breakoutAttr === '' ? null : Number(breakoutAttr);
const facilitator = root.dataset.facilitator === 'true';
const texts = JSON.parse(document.getElementById('session-texts').textContent);
let state = null;
const $ = id => document.getElementById(id);

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}

function say(message, isError) {
  const box = $('session-message');
  if (!box) return;
  box.setAttribute('role', isError ? 'alert' : 'status');
  box.className = isError ? 'notice warning' : 'notice';
  box.textContent = message;
  box.hidden = false;
}

async function send(method, url, body, headers = {}) {
  const response = await fetch(url, {
    method,
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
  if (!response.ok) {
    const errors = data?.errors ? Object.values(data.errors).flat().join(' ') : '';
    say(errors || data?.detail || texts.failed, true);
    return null;
  }
  return data ?? {};
}

// ---- Map (breakout board and plenary) ----
let map = null;
const markers = new Map();
let pending = null;
const mapElement = $('session-map');
if (mapElement) {
  map = L.map(mapElement, { maxZoom: 19 });
  if (mapElement.dataset.tileUrl) L.tileLayer(mapElement.dataset.tileUrl, { maxZoom: 19, attribution: mapElement.dataset.tileAttribution }).addTo(map);
  const b = mapElement.dataset.bounds.split(',').map(Number);
  map.fitBounds([[b[0], b[1]], [b[2], b[3]]]);
  fetch('/api/areas/boundaries.geojson').then(r => r.json()).then(data => {
    L.geoJSON(data, { interactive: false, style: f => f.properties.level === 'wijk'
      ? { color: '#1d3557', weight: 3, fill: false } : { color: '#457b9d', weight: 1, dashArray: '4 3', fillOpacity: 0.05 } }).addTo(map);
  });
  if (board > 0) {
    map.on('click', e => placeDraft(e.latlng));
  }
  window.wijkbeeldSessionMap = map;
}

function placeDraft(latlng) {
  const form = $('draft-form');
  if (!form) return;
  form.latitude.value = latlng.lat.toFixed(6);
  form.longitude.value = latlng.lng.toFixed(6);
  if (pending) pending.setLatLng(latlng); else pending = L.marker(latlng, { opacity: 0.6, title: texts.newPlace }).addTo(map);
  $('draft-place').textContent = texts.placeChosen;
  form.title.focus();
}

function colourOf(number) {
  return state?.breakouts.find(b => b.number === number)?.colour ?? '#333';
}

function icon(draft) {
  const template = document.getElementById(`icon-${draft.kind}`);
  return L.divIcon({
    className: `marker session-marker${draft.byGuest ? ' by-guest' : ''}`,
    html: `<span class="breakout-ring" style="border-color:${colourOf(draft.breakout)}"></span>${template ? template.innerHTML : ''}<span class="breakout-number">${draft.breakout}</span>`,
    iconSize: [32, 32], iconAnchor: [16, 16],
  });
}

function showDraft(draft) {
  if (!map) return;
  const old = markers.get(draft.id);
  if (draft.state === 'merged' || (board > 0 && draft.breakout !== board)) {
    if (old) { map.removeLayer(old); markers.delete(draft.id); }
    return;
  }
  if (old) map.removeLayer(old);
  const marker = L.marker([draft.latitude, draft.longitude], {
    icon: icon(draft), title: draft.title, alt: draft.title, draggable: board > 0 && draft.state === 'draft', keyboard: true,
  });
  marker.draft = draft;
  marker.bindPopup(() => {
    const box = el('div', 'popup');
    box.append(el('h3', null, draft.title), el('p', 'item-meta', `${texts.kinds[draft.kind]} · ${texts.group} ${draft.breakout} · ${draft.author}${draft.byGuest ? ' (' + texts.guest + ')' : ''}`));
    if (draft.note) box.append(el('p', null, draft.note));
    return box;
  });
  marker.on('dragend', async () => {
    const p = marker.getLatLng();
    const d = marker.draft;
    const saved = await send('PUT', `/api/sessions/${sessionId}/drafts/${d.id}`,
      { kind: d.kind, title: d.title, note: d.note, latitude: p.lat, longitude: p.lng, confirmPersonalData: true }, { 'If-Match': `"${d.version}"` });
    if (!saved) reload();
  });
  marker.addTo(map);
  markers.set(draft.id, marker);
}

// ---- Lists ----
function renderDrafts() {
  const list = $('drafts-list');
  if (list) {
    list.replaceChildren(...state.drafts.filter(d => d.state !== 'merged' && (board <= 0 || d.breakout === board)).map(d => {
      const li = el('li', 'draft-row');
      li.dataset.id = d.id;
      li.style.borderLeftColor = colourOf(d.breakout);
      li.append(el('strong', null, d.title), el('span', 'item-meta', ` ${texts.kinds[d.kind]} · ${texts.group} ${d.breakout} · ${d.author}`));
      if (d.byGuest) li.append(el('span', 'badge', texts.guest));
      if (d.state === 'published') li.append(el('span', 'badge', texts.published));
      if (d.note) li.append(el('p', 'draft-note', d.note));
      return li;
    }));
  }
  renderOutputs();
}

function renderOutputs() {
  const table = $('outputs-body');
  if (!table) return;
  const open = state.drafts.filter(d => d.state === 'draft');
  table.replaceChildren(...state.drafts.filter(d => d.state !== 'merged').map(d => {
    const tr = el('tr');
    const pick = el('td');
    if (d.state === 'draft') {
      const box = el('input');
      box.type = 'checkbox'; box.name = 'draft'; box.value = d.id; box.checked = true;
      box.setAttribute('aria-label', `${texts.select} ${d.title}`);
      pick.append(box);
    }
    const merge = el('td');
    if (d.state === 'draft' && open.length > 1) {
      const select = el('select');
      select.setAttribute('aria-label', `${texts.mergeInto} (${d.title})`);
      select.append(new Option(texts.mergeInto, ''), ...open.filter(o => o.id !== d.id).map(o => new Option(`${o.title} (${texts.group} ${o.breakout})`, o.id)));
      select.addEventListener('change', async () => {
        if (!select.value) return;
        if (await send('POST', `/api/sessions/${sessionId}/drafts/${d.id}/merge`, { intoDraftId: Number(select.value) })) { say(texts.merged); reload(); }
      });
      merge.append(select);
    }
    const status = d.state === 'published' ? texts.published : d.byGuest ? texts.guest : '';
    const title = el('td');
    if (d.itemId) { const a = el('a', null, d.title); a.href = `/items/${d.itemId}`; title.append(a); } else title.textContent = d.title;
    tr.append(pick, title, el('td', null, texts.kinds[d.kind]), el('td', null, String(d.breakout)), el('td', null, d.author), el('td', null, status), merge);
    return tr;
  }));
}

function renderParked() {
  const list = $('parked-list');
  if (!list) return;
  list.replaceChildren(...state.parked.filter(p => board <= 0 || p.breakout === board || p.breakout === null).map(p => {
    const li = el('li', 'parked-row');
    li.append(el('span', null, p.text), el('span', 'item-meta', ` ${p.breakout ? texts.group + ' ' + p.breakout + ' · ' : ''}${p.author}`));
    if (p.followUp) li.append(el('span', 'badge', texts.followUp));
    if (p.itemId) { const a = el('a', 'badge', texts.item); a.href = `/items/${p.itemId}`; li.append(a); }
    if (facilitator && $('outputs-body') && !p.followUp && !p.itemId) {
      for (const [outcome, label] of [['item', texts.toItem], ['vervolgpunt', texts.toFollowUp]]) {
        const button = el('button', 'button secondary small', label);
        button.type = 'button';
        button.addEventListener('click', async () => {
          if (await send('POST', `/api/sessions/${sessionId}/parked/${p.id}/outcome`, { outcome, visibility: $('publish-visibility')?.value })) reload();
        });
        li.append(' ', button);
      }
    }
    return li;
  }));
}

function renderReactions() {
  const list = $('reactions');
  if (!list) return;
  const sorted = [...state.reactions].sort((a, b) => (b.pinned - a.pinned) || (a.cluster ?? '').localeCompare(b.cluster ?? '') || a.id - b.id);
  list.replaceChildren(...sorted.map(r => {
    const li = el('li', `reaction${r.pinned ? ' pinned' : ''}`);
    if (r.cluster) li.append(el('span', 'badge', r.cluster));
    li.append(el('span', null, r.text), el('span', 'item-meta', ` – ${r.author}`));
    if (facilitator) {
      const pin = el('button', 'button secondary small', r.pinned ? texts.unpin : texts.pin);
      pin.type = 'button';
      pin.addEventListener('click', () => send('POST', `/api/sessions/${sessionId}/reactions/${r.id}/pin`, { pinned: !r.pinned }));
      const cluster = el('button', 'button secondary small', texts.cluster);
      cluster.type = 'button';
      cluster.addEventListener('click', () => {
        const name = prompt(texts.clusterPrompt, r.cluster ?? '');
        if (name !== null) send('POST', `/api/sessions/${sessionId}/reactions/${r.id}/pin`, { cluster: name });
      });
      li.append(' ', pin, ' ', cluster);
    }
    return li;
  }));
}

function renderEvaluation() {
  for (const column of ['plus', 'min', 'interessant']) {
    const list = $(`evaluation-${column}`);
    if (!list) continue;
    list.replaceChildren(...state.evaluation.filter(e => e.column === column).map(e => el('li', null, e.author ? `${e.text} – ${e.author}` : e.text)));
  }
}

function renderBreakouts() {
  const picker = $('breakout-picker');
  if (picker) {
    const mine = state.breakouts.find(b => b.members.some(m => m.id === Number(root.dataset.me)));
    picker.replaceChildren(...state.breakouts.map(b => {
      const li = el('li');
      const full = b.members.length >= 5;
      if (mine?.number === b.number) {
        const a = el('a', 'button', `${texts.openBoard}: ${b.name}`);
        a.href = `/sessies/${sessionId}/breakout/${b.number}`;
        li.append(a);
      } else {
        const button = el('button', 'button secondary', `${texts.choose} ${b.name} (${b.members.length}/5)`);
        button.type = 'button';
        if (full) button.classList.add('full'); // still clickable: the server says why not, in words
        button.addEventListener('click', async () => { if (await send('POST', `/api/sessions/${sessionId}/pick`, { breakout: b.number })) reload(); });
        li.append(button);
      }
      return li;
    }));
  }
  const admin = $('breakouts-admin');
  if (admin) {
    const everyone = [...state.unassigned, ...state.breakouts.flatMap(b => b.members)];
    admin.replaceChildren(...[{ number: null, name: texts.unassigned, members: state.unassigned, colour: '#999' }, ...state.breakouts].map(b => {
      const box = el('section', 'breakout-box');
      box.style.borderTopColor = b.colour;
      const h = el('h3', null, b.number ? `${b.name} (${b.members.length}/5)` : `${b.name} (${b.members.length})`);
      box.append(h);
      if (b.number) { const a = el('a', null, texts.openBoard); a.href = `/sessies/${sessionId}/breakout/${b.number}`; box.append(a); }
      const ul = el('ul');
      for (const m of b.members) {
        const li = el('li', null, m.name + (m.isGuest ? ` (${texts.guest})` : ''));
        const select = el('select');
        select.setAttribute('aria-label', `${texts.moveTo} (${m.name})`);
        select.append(new Option(texts.moveTo, ''), ...state.breakouts.filter(o => o.number !== b.number).map(o => new Option(o.name, o.number)));
        select.addEventListener('change', async () => {
          if (select.value && await send('POST', `/api/sessions/${sessionId}/members`, { participantId: m.id, breakout: Number(select.value) })) reload();
        });
        li.append(' ', select);
        ul.append(li);
      }
      box.append(ul);
      return box;
    }));
    const count = $('participant-count');
    if (count) count.textContent = String(everyone.length);
  }
}

let timerHandle;
function renderTimer() {
  const timer = $('timer');
  if (!timer) return;
  clearInterval(timerHandle);
  const ends = state.timerEndsAt ? new Date(state.timerEndsAt) : null;
  const tick = () => {
    if (!ends) { timer.textContent = texts.noTimer; return; }
    const left = Math.max(0, Math.round((ends - Date.now()) / 1000));
    timer.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
    if (left === 0) clearInterval(timerHandle);
  };
  tick();
  if (ends) timerHandle = setInterval(tick, 1000);
}

function renderPart() {
  const current = $('current-part');
  const part = state.parts.find(p => p.id === state.currentPartId);
  if (current) current.textContent = part ? part.title : texts.notStarted;
  document.querySelectorAll('[data-part]').forEach(li => li.classList.toggle('current', Number(li.dataset.part) === state.currentPartId));
}

function renderAll() {
  renderBreakouts();
  renderTimer();
  renderPart();
  renderReactions();
  renderEvaluation();
  renderParked();
  if (map) {
    for (const m of markers.values()) map.removeLayer(m);
    markers.clear();
    state.drafts.forEach(showDraft);
  }
  renderDrafts();
  root.dataset.loaded = 'true';
}

async function reload() {
  const response = await fetch(`/api/sessions/${sessionId}`);
  if (!response.ok) return;
  state = await response.json();
  renderAll();
}

function upsert(list, item) {
  const i = list.findIndex(x => x.id === item.id);
  if (i >= 0) list[i] = item; else list.push(item);
}

function receive(message) {
  if (!state) return;
  const data = message.data;
  switch (message.type) {
    case 'draft':
      upsert(state.drafts, data);
      showDraft(data);
      renderDrafts();
      break;
    case 'parked': upsert(state.parked, data); renderParked(); break;
    case 'reaction': upsert(state.reactions, data); renderReactions(); break;
    case 'evaluation': upsert(state.evaluation, data); renderEvaluation(); break;
    case 'members': reload(); break;
    case 'timer': state.timerEndsAt = data.endsAt; renderTimer(); break;
    case 'part': state.currentPartId = data.id; renderPart(); break;
    case 'closed': say(texts.closed); break;
  }
}

// ---- Forms ----
function bindForm(id, url, body, after) {
  const form = $(id);
  if (!form) return;
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const saved = await send('POST', url(form), body(form));
    if (saved) { say(texts.saved); after?.(form, saved); }
  });
}
bindForm('draft-form', () => `/api/sessions/${sessionId}/drafts`, f => ({
  kind: f.kind.value, title: f.title.value, note: f.note.value, breakout: board,
  latitude: f.latitude.value ? Number(f.latitude.value) : null, longitude: f.longitude.value ? Number(f.longitude.value) : null,
  confirmPersonalData: f.confirmPersonalData?.checked || undefined,
}), f => {
  f.title.value = ''; f.note.value = ''; f.latitude.value = ''; f.longitude.value = '';
  if (pending) { map.removeLayer(pending); pending = null; }
  $('draft-place').textContent = texts.clickMap;
});
bindForm('parked-form', () => `/api/sessions/${sessionId}/parked`, f => ({ text: f.text.value, breakout: board > 0 ? board : null }), f => { f.text.value = ''; });
bindForm('reaction-form', () => `/api/sessions/${sessionId}/reactions`, f => ({ text: f.text.value }), f => { f.text.value = ''; });
bindForm('evaluation-form', () => `/api/sessions/${sessionId}/evaluation`,
  f => ({ column: f.column.value, text: f.text.value, anonymous: f.anonymous.checked }), f => { f.text.value = ''; });
bindForm('breakouts-form', () => `/api/sessions/${sessionId}/breakouts`, f => ({ count: Number(f.count.value) }), () => reload());
bindForm('timer-form', () => `/api/sessions/${sessionId}/timer`, f => ({ minutes: Number(f.minutes.value) }));
bindForm('publish-form', () => `/api/sessions/${sessionId}/publish`, f => ({
  draftIds: [...document.querySelectorAll('#outputs-body input[name=draft]:checked')].map(b => Number(b.value)), visibility: f.visibility.value,
}), () => { say(texts.publishedAll); reload(); });

document.querySelectorAll('[data-post]').forEach(button => button.addEventListener('click', async () => {
  const saved = await send('POST', button.dataset.post, JSON.parse(button.dataset.body || '{}'));
  if (saved && button.dataset.show) $(button.dataset.show).textContent = saved.text ?? '';
  else if (saved) say(texts.saved);
}));

document.querySelectorAll('[data-get]').forEach(button => button.addEventListener('click', async () => {
  const response = await fetch(button.dataset.get);
  const data = response.ok ? await response.json() : null;
  $(button.dataset.show).textContent = data?.text ?? texts.failed;
}));

// ---- Live ----
const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/sessions')
  .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(500 * 2 ** ctx.previousRetryCount, 10000) }).build();
connection.on('session', receive);
connection.onreconnected(async () => { await watch(); });
async function watch() {
  await connection.invoke('Watch', sessionId, board);
  await reload(); // what was missed while away
}
(async () => {
  await reload();
  try {
    await connection.start();
    await watch();
    root.dataset.live = 'true';
  } catch {
    say(texts.offline, true);
  }
})();
