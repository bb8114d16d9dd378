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
