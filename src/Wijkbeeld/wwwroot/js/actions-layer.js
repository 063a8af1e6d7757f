// Visible actions layer on the wijkkaart: a square marker per action with a place, coloured by status, linking to its page.
const toggle = document.getElementById('actions-toggle');
const map = window.wijkbeeldMap;
if (toggle && map) {
  const element = map.getContainer();
  const colours = { gepland: '#1565c0', bezig: '#ef6c00', gedaan: '#2e7d32', gestopt: '#616161' };
  let layer = null;
  const text = (tag, value) => { const e = document.createElement(tag); e.textContent = value; return e; };

  async function show() {
    layer?.remove();
    layer = null;
    delete element.dataset.actions;
    if (!toggle.checked) return;
    const response = await fetch('/api/visible-actions.geojson');
    if (!response.ok || !toggle.checked) return;
    const data = await response.json();
    layer = L.geoJSON(data, {
      pointToLayer: (f, latlng) => L.marker(latlng, {
        icon: L.divIcon({
          className: `action-marker status-${f.properties.status}`,
          html: `<span aria-hidden="true" style="background:${colours[f.properties.status] ?? '#333'}">★</span>`,
          iconSize: [26, 26],
        }),
        title: f.properties.title,
        keyboard: true,
      }),
      onEachFeature: (f, l) => {
        const box = document.createElement('div');
        const link = text('a', f.properties.title);
        link.href = f.properties.url;
        box.append(link, document.createElement('br'), text('span', `${f.properties.date} · ${f.properties.statusName}`),
          document.createElement('br'), text('span', f.properties.goal));
        l.bindPopup(box);
      },
    }).addTo(map);
    element.dataset.actions = String(data.features.length);
  }

  toggle.addEventListener('change', show);
  // The toggle belongs to the filter form, so a shared link (/?acties=1) opens with the layer on.
  if (toggle.checked) show();
}
