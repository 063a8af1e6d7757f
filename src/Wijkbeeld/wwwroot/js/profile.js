// Profile page: the print button needs a script, so it only shows when there is one.
for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
// A printed profile shows every figure: closed <details> would not print their content.
window.addEventListener('beforeprint', () => document.querySelectorAll('details').forEach(d => { d.open = true; }));
