// A list that is still being worked on in the background (files being read, a package being built) is
// fetched again every two seconds until it says it is done: an element with data-poll-url, and
// data-pending="1" while work is left. Its fresh copy replaces it (and is polled in turn).
(function () {
  "use strict";
  var POLL_MS = 2000;

  function poll(id) {
    var list = document.getElementById(id);
    if (!list || list.dataset.pending !== "1") return;
    window.setTimeout(function () {
      fetch(list.dataset.pollUrl, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(response.statusText);
        return response.text();
      }).then(function (html) {
        var template = document.createElement("template");
        template.innerHTML = html.trim();
        var fresh = template.content.firstElementChild;
        if (fresh) list.replaceWith(fresh);
        poll(id);
      }).catch(function () { window.setTimeout(function () { poll(id); }, POLL_MS * 5); });
    }, POLL_MS);
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-poll-url][id]"), function (list) {
    poll(list.id);
  });
})();
