// Progressive enhancement: when the visitor has not chosen a time zone, use
// the browser's and reload once so the server renders times in it. Without
// JavaScript the page shows the session's zone and a picker.
(function () {
  try {
    var root = document.documentElement;
    if (root.getAttribute("data-tz-source") !== "default") return;
    if (document.cookie.indexOf("convene_tz=") !== -1) return;
    var tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!tz) return;
    document.cookie = "convene_tz=" + tz + "; path=/; max-age=31536000; samesite=lax";
    if (tz !== root.getAttribute("data-tz")) window.location.reload();
  } catch (e) {
    /* keep the server's choice */
  }
})();
