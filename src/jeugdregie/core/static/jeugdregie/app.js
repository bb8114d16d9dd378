// SPDX-License-Identifier: EUPL-1.2
// Behaviour of the pages. It lives in this file because the Content-Security-Policy allows
// no inline script, no event-handler attributes and no javascript: links.

// "Cancel" links (data-jr-back) go back to the previous page of this site; without one,
// or without JavaScript, they follow their href.
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest("a[data-jr-back]") : null;
  if (link === null || window.history.length < 2) {
    return;
  }
  if (document.referrer.startsWith(`${window.location.origin}/`)) {
    event.preventDefault();
    window.history.back();
  }
});

// The main menu: one group open at a time; Escape or a click elsewhere closes it. Below
// 768 px the menu folds behind the "Menu" button (without JavaScript it stays unfolded).
document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", () => {
  const nav = document.getElementById("jr-nav");
  const toggle = document.querySelector(".jr-menu-toggle");
  if (nav === null) {
    return;
  }
  const groups = Array.from(nav.querySelectorAll("details.jr-nav__details"));
  const closeOthers = (except) => {
    for (const group of groups) {
      if (group !== except) {
        group.open = false;
      }
    }
  };
  for (const group of groups) {
    group.addEventListener("toggle", () => {
      if (group.open) {
        closeOthers(group);
      }
    });
  }
  document.addEventListener("click", (event) => {
    if (event.target instanceof Node && !nav.contains(event.target)) {
      closeOthers(null);
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      const open = groups.find((group) => group.open);
      closeOthers(null);
      if (open !== undefined) {
        open.querySelector("summary")?.focus();
      }
    }
  });
  if (toggle instanceof HTMLButtonElement) {
    toggle.hidden = false;
    toggle.addEventListener("click", () => {
      const opened = nav.classList.toggle("jr-nav--open");
      toggle.setAttribute("aria-expanded", String(opened));
    });
  }
});

// A wide table scrolls inside its own box, never the page; when the box overflows it becomes
// a named region that the keyboard can reach and scroll (WCAG 2.1.1).
const boxWideTables = () => {
  for (const table of document.querySelectorAll("main table")) {
    let box = table.parentElement;
    if (box === null || !box.classList.contains("jr-scroll")) {
      box = document.createElement("div");
      box.className = "jr-scroll";
      table.replaceWith(box);
      box.append(table);
    }
    const caption = table.querySelector("caption");
    if (box.scrollWidth > box.clientWidth + 1) {
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", caption?.textContent?.trim() || document.title);
    } else {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  }
};
document.addEventListener("DOMContentLoaded", boxWideTables);
window.addEventListener("resize", boxWideTables);
document.addEventListener("htmx:afterSettle", boxWideTables);
