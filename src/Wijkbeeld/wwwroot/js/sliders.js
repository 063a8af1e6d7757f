// Five sliders: show the number beside each range input while it moves (the input itself says its value to screen readers).
for (const input of document.querySelectorAll('.slider-form input[type=range]')) {
  const output = document.querySelector(`output[for="${input.id}"]`);
  if (output) input.addEventListener('input', () => { output.textContent = input.value; });
}
