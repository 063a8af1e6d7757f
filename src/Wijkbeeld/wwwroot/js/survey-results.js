// Live survey results: fetches the counts every few seconds and redraws the bars, so a new answer appears
// without reloading the page. The server-rendered table is the same shape.
const root = document.getElementById('survey-results');
const id = root.dataset.experiment;
let last = '';

function render(results) {
  document.getElementById('response-count').textContent = root.dataset.textResponses.replace('{0}', results.responses);
  for (const q of results.questions) {
    const section = root.querySelector(`[data-question="${q.questionId}"]`);
    if (!section) continue;
    if (q.kind === 'open') {
      const list = section.querySelector('.open-answers');
      list.replaceChildren(...q.texts.map(t => { const li = document.createElement('li'); li.textContent = t; return li; }));
      continue;
    }
    const max = Math.max(1, ...q.counts.map(c => c.count));
    const rows = section.querySelectorAll('tbody tr');
    q.counts.forEach((c, i) => {
      const row = rows[i];
      if (!row) return;
      row.querySelector('.bar').style.width = `${Math.round(85 * c.count / max)}%`;
      row.querySelector('.bar-count').textContent = String(c.count);
    });
    let avg = section.querySelector('.hint');
    if (q.average !== null && q.average !== undefined) {
      if (!avg) { avg = document.createElement('p'); avg.className = 'hint'; section.append(avg); }
      avg.textContent = `${root.dataset.textAverage} ${q.average.toLocaleString('nl-NL', { minimumFractionDigits: 1 })}`;
    }
  }
}

async function refresh() {
  try {
    const response = await fetch(`/api/experiments/${id}/results`, { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (response.ok) {
      const text = await response.text();
      if (text !== last) { last = text; render(JSON.parse(text)); }
    }
  } catch { /* offline: try again on the next tick */ }
  setTimeout(refresh, 2000);
}
refresh();
