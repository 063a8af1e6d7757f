// The wall opens at the newest end (like unrolling the wallpaper from today backwards), or at the marker or moment
// a link points to (#actie-12, #experiment-3, #wall-moment-7).
const wall = document.getElementById('wall');
if (wall) {
  const target = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (target && wall.contains(target)) {
    wall.scrollLeft = Math.max(0, target.offsetLeft - wall.clientWidth / 3);
  } else {
    wall.scrollLeft = wall.scrollWidth;
  }
  wall.dataset.opened = 'true';
}
