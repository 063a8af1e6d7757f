// Kerncijfers layer on the wijkkaart: buurten or wijken coloured by class of the chosen indicator and year, hatched where
// there is no data, with a legend; the table below the map holds the same values. Items stay on top (own pane, below markers).
const form = document.getElementById('choropleth-form');
const map = window.wijkbeeldMap;
if (form && map) {
  const toggle = document.getElementById('choropleth-toggle');
  const indicator = document.getElementById('layer-indicator');
  const year = document.getElementById('layer-year');
  const level = document.getElementById('layer-level');
  const table = document.getElementById('choropleth-table');
  const mapElement = map.getContainer();

  map.createPane('choropleth');
  map.getPane('choropleth').style.zIndex = 350; // above tiles (200), below boundaries (400) and markers (600)
  const renderer = L.svg({ pane: 'choropleth' });
  let layer = null;
  let legend = null;
  let request = 0;

  // Only the years the chosen indicator has.
  function syncYears() {
    const years = (indicator.selectedOptions[0]?.dataset.years || '').split(',').filter(Boolean);
    for (const option of year.options) {
      if (option.value) option.hidden = option.disabled = !years.includes(option.value);
    }
    if (year.selectedOptions[0]?.disabled) year.value = '';
  }

  function ensureHatch() {
    const svg = map.getPane('choropleth').querySelector('svg');
    if (!svg || svg.querySelector('#choropleth-hatch')) return;
    const ns = 'http://www.w3.org/2000/svg';
    const defs = document.createElementNS(ns, 'defs');
    const pattern = document.createElementNS(ns, 'pattern');
    Object.entries({ id: 'choropleth-hatch', patternUnits: 'userSpaceOnUse', width: 8, height: 8, patternTransform: 'rotate(45)' })
      .forEach(([k, v]) => pattern.setAttribute(k, v));
    const background = document.createElementNS(ns, 'rect');
    Object.entries({ width: 8, height: 8, fill: '#ffffff' }).forEach(([k, v]) => background.setAttribute(k, v));
    const line = document.createElementNS(ns, 'line');
    Object.entries({ x1: 0, y1: 0, x2: 0, y2: 8, stroke: '#6b6b6b', 'stroke-width': 3 }).forEach(([k, v]) => line.setAttribute(k, v));
    pattern.append(background, line);
    defs.append(pattern);
    svg.prepend(defs);
  }

  function clear() {
    layer?.remove();
    legend?.remove();
    layer = legend = null;
    delete mapElement.dataset.choropleth;
    table.replaceChildren();
  }

  function params() {
    const p = new URLSearchParams({ niveau: level.value });
    if (document.body.dataset.municipality) p.set('gemeente', document.body.dataset.municipality);
    if (year.value) p.set('jaar', year.value);
    p.set('indicator', indicator.value);
    return p;
  }

  async function show() {
    if (!toggle.checked) return clear();
    const mine = ++request;
    const api = new URLSearchParams({ level: level.value });
    if (year.value) api.set('year', year.value);
    // The map shows one gemeente; with several in Wijkbeeld only its buurten are coloured.
    if (document.body.dataset.municipality) api.set('municipality', document.body.dataset.municipality);
    const response = await fetch(`/api/indicators/${encodeURIComponent(indicator.value)}/values.geojson?${api}`);
    if (mine !== request) return;
    if (!response.ok) {
      clear();
      return;
    }
    const data = await response.json();
    layer?.remove();
    legend?.remove();
    layer = L.geoJSON(data, {
      pane: 'choropleth',
      renderer,
      style: f => f.properties.color
        ? { fillColor: f.properties.color, fillOpacity: 0.8, color: '#4a4a4a', weight: 1 }
        : { fillColor: 'url(#choropleth-hatch)', fillOpacity: 1, color: '#4a4a4a', weight: 1 },
      onEachFeature: (f, l) => {
        // One click from a buurt to its profile; the tooltip says the value first.
        l.bindTooltip(`${f.properties.name}: ${f.properties.display}`, { sticky: true });
        l.on('click', () => { location.href = `/profiel/${encodeURIComponent(f.properties.code)}`; });
      },
    }).addTo(map);
    ensureHatch();
    layer.eachLayer(l => {
      const element = l.getElement();
      if (element) {
        element.dataset.code = l.feature.properties.code;
        element.classList.add('choropleth-area');
      }
    });
    legend = L.control({ position: 'bottomright' });
    legend.onAdd = () => {
      const box = L.DomUtil.create('div', 'legend choropleth-legend');
      const title = document.createElement('strong');
      title.textContent = `${data.label}${data.unit ? ` (${data.unit})` : ''}, ${data.year ?? ''}`;
      const list = document.createElement('ul');
      const format = n => n.toLocaleString('nl-NL', { maximumFractionDigits: 2 });
      data.breaks.forEach((upper, i) => {
        const li = document.createElement('li');
        const swatch = document.createElement('span');
        swatch.className = 'swatch';
        swatch.style.background = data.colors[i];
        li.append(swatch, i === 0 ? ` t/m ${format(upper)}` : ` boven ${format(data.breaks[i - 1])} t/m ${format(upper)}`);
        list.append(li);
      });
      const none = document.createElement('li');
      const hatch = document.createElement('span');
      hatch.className = 'swatch hatch';
      none.append(hatch, ` ${form.dataset.nodata}`);
      list.append(none);
      box.append(title, list);
      return box;
    };
    legend.addTo(map);
    mapElement.dataset.choropleth = `${data.indicator}|${data.year}|${data.level}`;
    await htmx.ajax('GET', `/profiel/kaartlaag?${params()}`, { target: '#choropleth-table', swap: 'innerHTML' });
  }

  syncYears();
  form.addEventListener('change', event => {
    if (event.target === indicator) syncYears();
    show();
  });
  form.addEventListener('submit', event => {
    // With a script the table comes below the map; the layer goes on with it.
    event.preventDefault();
    toggle.checked = true;
    show();
  });
}
