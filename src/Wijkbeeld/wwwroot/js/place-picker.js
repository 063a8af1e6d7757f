// Placing an item: tap the map or use the device location; fills the latitude/longitude fields.
const picker = document.getElementById('picker');
const latInput = document.getElementById('Form_Latitude');
const lonInput = document.getElementById('Form_Longitude');
const locateButton = document.getElementById('use-location');
const status = document.getElementById('picker-status');

picker.hidden = false;
const map = L.map(picker, { keyboard: true, maxZoom: 19, zoomControl: false }).setView([52.93, 4.75], 12);
L.control.zoom({ zoomInTitle: picker.dataset.textZoomIn, zoomOutTitle: picker.dataset.textZoomOut }).addTo(map);
fetch('/api/areas/boundaries.geojson').then(r => r.json()).then(data => {
  const layer = L.geoJSON(data, {
    interactive: false,
    style: f => f.properties.level === 'wijk'
      ? { color: '#1d3557', weight: 2, fill: false }
      : { color: '#457b9d', weight: 1, dashArray: '4 3', fillOpacity: 0.05 },
  }).addTo(map);
  if (!marker) map.fitBounds(layer.getBounds());
});

let marker;
let accuracyCircle;
function place(lat, lon, pan, accuracyText = '') {
  latInput.value = lat.toFixed(6);
  lonInput.value = lon.toFixed(6);
  if (marker) marker.setLatLng([lat, lon]);
  else {
    // The pin can be dragged to the exact spot (a phone's location is often some metres off).
    marker = L.marker([lat, lon], { keyboard: false, draggable: true }).addTo(map);
    marker.on('dragend', () => { const p = marker.getLatLng(); place(p.lat, p.lng, false); });
  }
  if (pan) map.setView([lat, lon], Math.max(map.getZoom(), 16));
  status.textContent = `${picker.dataset.textChosen} ${lat.toFixed(5)}, ${lon.toFixed(5)}${accuracyText}`;
  // Others (the duplicate check, js/field-create.js) follow the chosen place.
  picker.dispatchEvent(new CustomEvent('place', { detail: { latitude: lat, longitude: lon } }));
}

const startLat = parseFloat((latInput.value || '').replace(',', '.'));
const startLon = parseFloat((lonInput.value || '').replace(',', '.'));
if (Number.isFinite(startLat) && Number.isFinite(startLon)) {
  place(startLat, startLon, true);
}

map.on('click', e => place(e.latlng.lat, e.latlng.lng, false));

for (const input of [latInput, lonInput]) {
  input.addEventListener('change', () => {
    const lat = parseFloat(latInput.value.replace(',', '.'));
    const lon = parseFloat(lonInput.value.replace(',', '.'));
    if (Number.isFinite(lat) && Number.isFinite(lon)) place(lat, lon, true);
  });
}

if ('geolocation' in navigator) {
  locateButton.hidden = false;
  locateButton.addEventListener('click', () => {
    status.textContent = picker.dataset.textLocating;
    navigator.geolocation.getCurrentPosition(
      pos => {
        const { latitude, longitude, accuracy } = pos.coords;
        const metres = Math.round(accuracy);
        // A fix worse than 100 m (indoors, no GPS yet) is likely the wrong street: ask first.
        if (metres > 100 && !window.confirm(picker.dataset.textConfirmInaccurate.replace('{0}', metres))) {
          status.textContent = picker.dataset.textAccuracy.replace('{0}', metres);
          return;
        }
        accuracyCircle?.remove();
        accuracyCircle = L.circle([latitude, longitude], { radius: accuracy, color: '#01689b', weight: 1, fillOpacity: 0.12, interactive: false, className: 'accuracy-circle' }).addTo(map);
        place(latitude, longitude, true, ' · ' + picker.dataset.textAccuracy.replace('{0}', metres));
      },
      () => { status.textContent = picker.dataset.textUnavailable; },
      { enableHighAccuracy: true, timeout: 10000 });
  });
}
