// The observation layer: one circle per observation, coloured by part of day and sized by the rough count,
// filtered by part of day, weekday, group, area and period without reloading the page.
const mapElement = document.getElementById('observation-map');
const labels = JSON.parse(document.getElementById('observation-labels').textContent);
const form = document.getElementById('observation-filters');
const countText = document.getElementById('observation-count');
const listLink = document.getElementById('observation-list-link');

const maxZoom = Number(mapElement.dataset.maxZoom) || 19;
const map = L.map(mapElement, { zoomControl: false, keyboard: true, maxZoom });
L.control.zoom({ zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut }).addTo(map);
if (mapElement.dataset.tileUrl) {
  L.tileLayer(mapElement.dataset.tileUrl, { maxZoom, attribution: mapElement.dataset.tileAttribution }).addTo(map);
}
const bounds = (mapElement.dataset.bounds || '').split(',').map(Number);
if (bounds.length === 4 && bounds.every(Number.isFinite)) map.fitBounds([[bounds[0], bounds[1]], [bounds[2], bounds[3]]]);
else map.setView([52.93, 4.75], 12);

fetch('/api/areas/boundaries.geojson').then(r => r.json()).then(data => {
  L.geoJSON(data, {
    interactive: false,
    style: f => f.properties.level === 'wijk'
      ? { color: '#1d3557', weight: 2, fill: false }
      : { color: '#457b9d', weight: 1, dashArray: '4 3', fillOpacity: 0.04 },
  }).addTo(map);
});

const colours = { ochtend: '#e9a100', middag: '#d1495b', avond: '#3d5a80', nacht: '#1b1b3a' };
const layer = L.layerGroup().addTo(map);

function popup(p) {
  const root = document.createElement('div');
  root.className = 'popup';
  const h = document.createElement('h3');
  h.textContent = `${p.groupName}${p.count ? ` (${p.count})` : ''}: ${labels.activities[p.activity] ?? p.activity}`;
  const when = document.createElement('p');
  when.className = 'item-meta';
  when.textContent = `${labels.days[p.weekday]} ${labels.parts[p.partOfDay].toLowerCase()} · ${p.date}${p.neighbourhood ? ` · ${p.neighbourhood}` : ''}`;
  root.append(h, when);
  if (p.signals.length) {
    const s = document.createElement('p');
    s.textContent = p.signals.map(x => labels.signals[x] ?? x).join(', ');
    root.append(s);
  }
  if (p.notes) {
    const n = document.createElement('p');
    n.textContent = p.notes;
    root.append(n);
  }
  return root;
}

async function load() {
  const params = new URLSearchParams(new FormData(form));
  for (const [k, v] of [...params]) if (!v) params.delete(k);
  const query = params.toString() ? `?${params}` : '';
  history.replaceState(null, '', `${location.pathname}${query}`);
  listLink.href = `/observaties${query}`;
  let data;
  try {
    const response = await fetch(`/api/observations.geojson${query}`, { headers: { Accept: 'application/geo+json' } });
    if (!response.ok) throw new Error(String(response.status));
    data = await response.json();
  } catch {
    countText.textContent = labels.loadError;
    return;
  }
  layer.clearLayers();
  for (const f of data.features) {
    const p = f.properties;
    const [lon, lat] = f.geometry.coordinates;
    const radius = 6 + Math.min(14, Math.sqrt(p.count || 1) * 2);
    L.circleMarker([lat, lon], {
      radius, color: '#fff', weight: 1.5, fillColor: colours[p.partOfDay] ?? '#555', fillOpacity: 0.75,
      className: `observation-marker part-${p.partOfDay}`,
    }).bindPopup(() => popup(p)).addTo(layer);
  }
  mapElement.dataset.count = String(data.features.length);
  // The heat view (observations-heat.js) draws from the same filtered observations.
  mapElement.dispatchEvent(new CustomEvent('observations-loaded', { detail: { map, layer, data } }));
  countText.textContent = labels.count.replace('{0}', data.features.length);
}

form.addEventListener('submit', e => { e.preventDefault(); load(); });
form.addEventListener('change', () => load());
load();
