// The e-archive page: while a package is being built, its list is fetched again until it is ready.
(function () {
  "use strict";
  var POLL_MS = 2000;
  function poll() {
    var list = document.getElementById("e-arkivpaket");
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
        poll();
      }).catch(function () { window.setTimeout(poll, POLL_MS * 5); });
    }, POLL_MS);
  }
  poll();
})();
