// The wijkkaart: buurt boundaries, item icons per kind with clustering, popups, and a list kept in step.
const mapElement = document.getElementById('map');
const catalog = JSON.parse(document.getElementById('map-catalog').textContent);
const filterForm = document.getElementById('filters');
// On a phone the filters fold away so the map is in view; the summary opens them.
const filterPanel = filterForm.querySelector('details');
if (window.matchMedia('(max-width: 60rem)').matches && !new URLSearchParams(location.search).has('kind')) filterPanel.open = false;

// maxZoom on the map itself: without a tile layer (tiles off) the cluster layer needs it, or it throws.
const maxZoom = Number(mapElement.dataset.maxZoom) || 19;
const map = L.map(mapElement, { zoomControl: false, keyboard: true, maxZoom });
L.control.zoom({ zoomInTitle: catalog.text.zoomIn, zoomOutTitle: catalog.text.zoomOut }).addTo(map);
const tileUrl = mapElement.dataset.tileUrl;
if (tileUrl) {
  // Without a network the tiles fail quietly; boundaries and items still show on the plain background.
  L.tileLayer(tileUrl, { maxZoom, attribution: mapElement.dataset.tileAttribution }).addTo(map);
}
const bounds = (mapElement.dataset.bounds || '').split(',').map(Number);
const initialBbox = new URLSearchParams(location.search).get('bbox');
if (initialBbox) {
  const [w, s, e, n] = initialBbox.split(',').map(Number);
  map.fitBounds([[s, w], [n, e]]);
} else if (bounds.length === 4 && bounds.every(Number.isFinite)) {
  map.fitBounds([[bounds[0], bounds[1]], [bounds[2], bounds[3]]]);
} else {
  map.setView([52.93, 4.75], 12);
}

// Boundaries: wijken bold, buurten thin, buurt names as labels once zoomed in.
const labelZoom = 14;
fetch('/api/areas/boundaries.geojson').then(r => r.json()).then(data => {
  const features = data.features.slice().sort((a, b) => (a.properties.level === 'wijk' ? 1 : 0) - (b.properties.level === 'wijk' ? 1 : 0));
  L.geoJSON({ type: 'FeatureCollection', features }, {
    interactive: false,
    style: f => f.properties.level === 'wijk'
      ? { color: '#1d3557', weight: 3, fill: false }
      : { color: '#457b9d', weight: 1, dashArray: '4 3', fillColor: '#a8dadc', fillOpacity: 0.12 },
  }).addTo(map);
  for (const f of features.filter(f => f.properties.level === 'buurt')) {
    const [lon, lat] = f.properties.label;
    L.tooltip({ permanent: true, direction: 'center', className: 'area-label', interactive: false })
      .setLatLng([lat, lon]).setContent(f.properties.name).addTo(map);
  }
  updateLabels();
});
function updateLabels() {
  mapElement.classList.toggle('show-labels', map.getZoom() >= labelZoom);
}
map.on('zoomend', updateLabels);

function iconFor(kind, stale, isNew, flash) {
  const template = document.getElementById(`icon-${kind}`);
  return L.divIcon({
    className: `marker marker-${kind}${stale ? ' marker-stale' : ''}${isNew ? ' marker-new' : ''}${flash ? ' marker-flash' : ''}`,
    html: template ? template.innerHTML : '',
    iconSize: [28, 28],
    iconAnchor: [14, 14],
    popupAnchor: [0, -12],
  });
}

function popupContent(p) {
  const root = document.createElement('div');
  root.className = 'popup';
  const h = document.createElement('h3');
  h.textContent = p.title;
  const meta = document.createElement('p');
  meta.className = 'item-meta';
  meta.textContent = [catalog.kinds[p.kind], catalog.statuses[p.status], p.neighbourhood].filter(Boolean).join(' · ')
    + (p.stale ? ` · ${catalog.text.stale}` : '');
  const summary = document.createElement('p');
  summary.textContent = p.summary;
  const link = document.createElement('a');
  link.href = p.url;
  link.textContent = catalog.text.open;
  root.append(h, meta, summary, link);
  return root;
}

const cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 45 });
map.addLayer(cluster);

// Legend: same icons as the filter and list.
const legend = L.control({ position: 'bottomleft' });
legend.onAdd = () => {
  const box = L.DomUtil.create('div', 'legend');
  const title = document.createElement('strong');
  title.textContent = catalog.text.legend;
  box.append(title);
  const list = document.createElement('ul');
  for (const [code, label] of Object.entries(catalog.kinds)) {
    const li = document.createElement('li');
    li.innerHTML = document.getElementById(`icon-${code}`).innerHTML;
    li.append(' ' + label);
    list.append(li);
  }
  box.append(list);
  return box;
};
legend.addTo(map);

function filterParams() {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(filterForm)) {
    if (value) params.append(key, value);
  }
  return params;
}

function bboxParam() {
  const b = map.getBounds();
  return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(n => n.toFixed(5)).join(',');
}

const markers = new Map();

function createMarker(f) {
  const [lon, lat] = f.geometry.coordinates;
  const isNew = window.wijkbeeldLive?.isNew(f.properties.updatedAt);
  const marker = L.marker([lat, lon], { icon: iconFor(f.properties.kind, f.properties.stale, isNew), title: f.properties.title, alt: f.properties.title });
  marker.bindPopup(() => popupContent(marker.feature.properties));
  marker.feature = f;
  markers.set(f.properties.id, marker);
  return marker;
}

let loadController;
let loaded = null; // { bounds, clustered }: what the last response covered
const clusterLayer = L.layerGroup().addTo(map);

// Items for the view (with a margin); when the view holds too many, the server answers with clusters.
async function loadItems() {
  loadController?.abort();
  loadController = new AbortController();
  const params = filterParams();
  // Snap the (padded) view to whole map tiles, so nearby views ask the same URL and share the server's cache.
  const tile = 360 / 2 ** map.getZoom();
  const view = map.getBounds().pad(0.5);
  const snap = (n, round) => Math.max(-180, Math.min(180, round(n / tile) * tile));
  const [west, south, east, north] = [snap(view.getWest(), Math.floor), Math.max(-90, snap(view.getSouth(), Math.floor)),
    snap(view.getEast(), Math.ceil), Math.min(90, snap(view.getNorth(), Math.ceil))];
  const bounds = L.latLngBounds([south, west], [north, east]);
  params.set('bbox', [west, south, east, north].map(n => n.toFixed(5)).join(','));
  params.set('zoom', String(map.getZoom()));
  try {
    const response = await fetch(`/api/items.geojson?${params}`, { signal: loadController.signal });
    if (!response.ok) throw new Error(String(response.status));
    const data = await response.json();
    cluster.clearLayers();
    clusterLayer.clearLayers();
    markers.clear();
    if (data.clustered) {
      data.features.forEach(f => clusterLayer.addLayer(serverCluster(f)));
    } else {
      cluster.addLayers(data.features.map(createMarker));
    }
    loaded = { bounds, clustered: Boolean(data.clustered) };
    mapElement.dataset.loaded = String(data.clustered ? data.totalMatched : data.features.length);
  } catch (e) {
    if (e.name !== 'AbortError') showError();
  }
}

function serverCluster(f) {
  const [lon, lat] = f.geometry.coordinates;
  const count = f.properties.count;
  const size = count < 100 ? 'small' : count < 1000 ? 'medium' : 'large';
  const marker = L.marker([lat, lon], {
    icon: L.divIcon({ html: `<div><span>${count}</span></div>`, className: `marker-cluster marker-cluster-${size}`, iconSize: [40, 40] }),
    title: String(count),
  });
  marker.on('click', () => map.setView([lat, lon], Math.min(map.getZoom() + 2, map.getMaxZoom())));
  return marker;
}

function needsReload() {
  return !loaded || loaded.clustered || !loaded.bounds.contains(map.getBounds());
}

function showError() {
  const list = document.getElementById('item-list');
  const p = document.createElement('p');
  p.className = 'notice warning';
  p.setAttribute('role', 'alert');
  p.textContent = catalog.text.loadError;
  list.prepend(p);
}

// The list shows what is in view: re-render it (server-side, htmx) after every pan or zoom.
function refreshList(flashId) {
  const params = filterParams();
  params.set('bbox', bboxParam());
  history.replaceState(null, '', `/?${params}`);
  return htmx.ajax('GET', `/?${params}`, { target: '#item-list', swap: 'innerHTML' }).then(() => {
    if (flashId) document.querySelector(`#item-list [data-id="${flashId}"]`)?.classList.add('flash');
  });
}

let moveTimer;
map.on('moveend', () => {
  clearTimeout(moveTimer);
  moveTimer = setTimeout(() => {
    if (needsReload()) loadItems();
    refreshList();
  }, 250);
});

filterForm.addEventListener('change', () => {
  loadItems();
  refreshList();
});
filterForm.addEventListener('submit', event => {
  event.preventDefault();
  loadItems();
  refreshList();
});

// Live: a change elsewhere appears, moves, changes or goes here too. The server applies the filter.
async function applyChange(change) {
  if (loaded?.clustered) {
    // Counts, not points, are on the map: fetch them anew.
    await loadItems();
    return refreshList();
  }
  const existing = markers.get(change.itemId);
  let feature = null;
  if (change.type !== 'deleted') {
    const params = filterParams();
    params.set('id', change.itemId);
    const response = await fetch(`/api/items.geojson?${params}`);
    if (response.ok) feature = (await response.json()).features[0] ?? null;
  }
  if (existing) {
    cluster.removeLayer(existing);
    markers.delete(change.itemId);
  }
  if (feature) {
    const marker = createMarker(feature);
    marker.setIcon(iconFor(feature.properties.kind, feature.properties.stale, true, true));
    cluster.addLayer(marker);
  }
  mapElement.dataset.loaded = String(markers.size);
  mapElement.dataset.lastChange = String(change.sequence);
  if (feature || existing) {
    window.wijkbeeldLive.announce(`${catalog.text.changes[change.type]}: ${change.title}`);
    refreshList(change.itemId);
  }
}

let changeQueue = Promise.resolve();
document.addEventListener('wijkbeeld:change', event => {
  changeQueue = changeQueue.then(() => applyChange(event.detail)).catch(showError);
});

loadItems();
refreshList();
window.wijkbeeldMap = map;
