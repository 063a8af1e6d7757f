// Koppelkansen layer on the wijkkaart: a ring marker per koppelkans at its item, with the drivers and the message.
const toggle = document.getElementById('koppelkansen-toggle');
const map = window.wijkbeeldMap;
if (toggle && map) {
  const element = map.getContainer();
  let layer = null;
  const text = (tag, value) => { const e = document.createElement(tag); e.textContent = value; return e; };

  async function show() {
    layer?.remove();
    layer = null;
    delete element.dataset.koppelkansen;
    if (!toggle.checked) return;
    const response = await fetch('/api/link-opportunities.geojson');
    if (!response.ok || !toggle.checked) return;
    const data = await response.json();
    layer = L.geoJSON(data, {
      pointToLayer: (f, latlng) => L.marker(latlng, {
        icon: L.divIcon({ className: 'koppelkans-marker', html: '<span aria-hidden="true">⬡</span>', iconSize: [28, 28] }),
        title: f.properties.title,
        keyboard: true,
      }),
      onEachFeature: (f, l) => {
        const box = document.createElement('div');
        const link = text('a', f.properties.title);
        link.href = `/items/${f.properties.itemId}`;
        box.append(text('strong', `${toggle.dataset.driversLabel}: ${f.properties.drivers.join(', ')}`), document.createElement('br'),
          text('q', f.properties.message), document.createElement('br'), link);
        l.bindPopup(box);
      },
    }).addTo(map);
    element.dataset.koppelkansen = String(data.features.length);
  }

  toggle.addEventListener('change', show);
  // The toggle belongs to the filter form, so a shared link (/?koppelkansen=1) opens with the layer on.
  if (toggle.checked) show();
}
