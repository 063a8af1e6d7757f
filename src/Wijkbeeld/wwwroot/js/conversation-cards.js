// "Trek een kaart": draws a conversation card in place. Without JavaScript the link reloads the page with a card.
const link = document.querySelector('[data-draw-card]');
const card = document.getElementById('gesprekskaart');
if (link && card) {
  link.addEventListener('click', async (event) => {
    event.preventDefault();
    const previous = card.dataset.card ? `?not=${encodeURIComponent(card.dataset.card)}` : '';
    try {
      const response = await fetch(`/api/conversation-cards/draw${previous}`, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (!response.ok) { window.location.href = link.href; return; }
      const drawn = await response.json();
      card.dataset.card = drawn.id;
      card.querySelector('.card-theme').textContent = drawn.theme;
      card.querySelector('.card-text').textContent = drawn.text;
      card.hidden = false;
      link.href = `?kaart=trek&vorige=${drawn.id}#gesprekskaart`;
    } catch {
      window.location.href = link.href;
    }
  });
}
