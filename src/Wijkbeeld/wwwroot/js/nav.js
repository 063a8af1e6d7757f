// The main menu folds behind a button on narrow screens (CSS decides the width); Escape closes it again.
const header = document.querySelector('.site-header');
const toggle = header?.querySelector('.nav-toggle');
if (header && toggle) {
  header.classList.add('has-nav-toggle');
  const setOpen = open => toggle.setAttribute('aria-expanded', String(open));
  toggle.addEventListener('click', () => setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
  header.addEventListener('keydown', event => {
    if (event.key === 'Escape' && toggle.getAttribute('aria-expanded') === 'true') {
      setOpen(false);
      toggle.focus();
    }
  });
}
