// sayso reader: side-panel navigation and quote highlighting. Reads only data-* attributes and
// never inserts markup, so nothing from an article can become code here.
"use strict";

function segmentsOf(ref) {
  return document.querySelectorAll('.seg[data-refs~="' + CSS.escape(ref) + '"]');
}

function flash(ref) {
  const segs = segmentsOf(ref);
  segs.forEach((s) => s.classList.add("flash"));
  setTimeout(() => segs.forEach((s) => s.classList.remove("flash")), 1600);
  return segs;
}

function goTo(ref) {
  const target = document.getElementById(ref) && segmentsOf(ref)[0];
  if (!target) return false;
  target.scrollIntoView({ block: "center" });
  flash(ref);
  history.replaceState(null, "", "#" + ref);
  return true;
}

document.addEventListener("click", (event) => {
  const link = event.target.closest("a.speaker-link, a.assessment-link");
  if (!link) return;
  const refs = (link.dataset.refs || "").split(" ").filter(Boolean);
  if (!refs.length) return;
  // Repeated clicks on a speaker step through their quotes in text order.
  const step = Number(link.dataset.step || "0");
  if (goTo(refs[step % refs.length])) {
    event.preventDefault();
    link.dataset.step = String(step + 1);
  }
});

document.addEventListener("mouseover", (event) => {
  const seg = event.target.closest(".seg[data-refs]");
  document.querySelectorAll(".seg.hover").forEach((s) => s.classList.remove("hover"));
  if (!seg) return;
  const ref = seg.dataset.refs.split(" ").find((r) => r.startsWith("at-") || r.startsWith("as-"));
  if (ref) segmentsOf(ref).forEach((s) => s.classList.add("hover"));
});

window.addEventListener("DOMContentLoaded", () => {
  const ref = decodeURIComponent(location.hash.slice(1));
  if (ref) goTo(ref);
});
