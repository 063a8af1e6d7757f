// Heat view of the observation layer: the filtered observations (choose a part of day in the filter) counted in grid
// cells of about 150 m, weighted by how many people were seen; darker cells are where more happens. No plug-in needed.
const mapElement = document.getElementById('observation-map');
const toggle = document.getElementById('heat-toggle');
const summary = document.getElementById('heat-summary');
let last = null;
let heat = null;

// About 150 m by 150 m at street level (zoom 15 and closer); twice as large for each zoom step further out.
let cellLat = 0.00135;
let cellLon = 0.0022;
let zoomHooked = false;

function draw() {
  if (!last) return;
  const { map, layer, data } = last;
  if (!zoomHooked) { map.on('zoomend', draw); zoomHooked = true; }
  const factor = 2 ** Math.max(0, 15 - map.getZoom());
  cellLat = 0.00135 * factor;
  cellLon = 0.0022 * factor;
  heat?.remove();
  heat = null;
  delete mapElement.dataset.heatCells;
  summary.textContent = '';
  if (!toggle.checked) {
    if (!map.hasLayer(layer)) layer.addTo(map);
    return;
  }
  const cells = new Map();
  for (const f of data.features) {
    const [lon, lat] = f.geometry.coordinates;
    const key = `${Math.floor(lat / cellLat)}:${Math.floor(lon / cellLon)}`;
    cells.set(key, (cells.get(key) ?? 0) + Math.max(1, Math.sqrt(f.properties.count || 1)));
  }
  const max = Math.max(1, ...cells.values());
  heat = L.layerGroup();
  for (const [key, weight] of cells) {
    const [row, column] = key.split(':').map(Number);
    const share = weight / max;
    // From pale yellow to dark red: the share decides the colour and how opaque the cell is.
    const colour = share > 0.66 ? '#960000' : share > 0.33 ? '#e65000' : '#ffc800';
    L.rectangle([[row * cellLat, column * cellLon], [(row + 1) * cellLat, (column + 1) * cellLon]], {
      stroke: false, fillColor: colour, fillOpacity: 0.25 + 0.6 * share, interactive: false, className: 'heat-cell',
    }).addTo(heat);
  }
  heat.addTo(map);
  // The circles stay available: they come back when the heat view is switched off.
  layer.remove();
  mapElement.dataset.heatCells = String(cells.size);
  const busiest = data.features.length ? Math.max(...[...cells.keys()].map(k => data.features.filter(f => {
    const [lon, lat] = f.geometry.coordinates;
    return `${Math.floor(lat / cellLat)}:${Math.floor(lon / cellLon)}` === k;
  }).length)) : 0;
  summary.textContent = summary.dataset.text.replace('{0}', cells.size).replace('{1}', busiest);
}

if (mapElement && toggle) {
  mapElement.addEventListener('observations-loaded', e => { last = e.detail; draw(); });
  toggle.addEventListener('change', draw);
}
