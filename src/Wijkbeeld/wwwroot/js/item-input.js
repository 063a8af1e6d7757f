// The add/edit form as the API's ItemInput (JSON), for sending through the outbox.
export const number = v => { const n = parseFloat(String(v ?? '').trim().replace(',', '.')); return Number.isFinite(n) ? n : null; };
export const text = v => { const s = String(v ?? '').trim(); return s === '' ? null : s; };

export function toInput(data) {
  return {
    kind: text(data.get('Form.Kind')), title: text(data.get('Form.Title')), description: text(data.get('Form.Description')),
    latitude: number(data.get('Form.Latitude')), longitude: number(data.get('Form.Longitude')),
    themes: data.getAll('Form.Themes'), status: text(data.get('Form.Status')), visibility: text(data.get('Form.Visibility')),
    ownerOrganisation: text(data.get('Form.OwnerOrganisation')), contact: text(data.get('Form.Contact')), source: text(data.get('Form.Source')),
  };
}
