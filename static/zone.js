// Progressive enhancement. Without JavaScript every page works: times show
// in the session's zone (or the one picked in the header), and the
// registration form uses the country's main zone.
(function () {
  // After a wrong submission, take the keyboard and screen reader to the
  // list of errors first.
  var summary = document.querySelector(".error-summary");
  if (summary && summary.focus) summary.focus();
  // Where there is room, the zone and language controls are shown open.
  var settings = document.querySelector("details.viewer-settings");
  if (settings && window.matchMedia && window.matchMedia("(min-width: 48rem)").matches) settings.open = true;
  var tz;
  try {
    tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  if (!tz) return;
  // On the registration form, preselect the browser's zone if offered.
  var select = document.getElementById("f-time_zone");
  if (select && !select.value) {
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === tz) {
        select.value = tz;
        break;
      }
    }
  }
  // When the visitor has not chosen a zone, use the browser's and reload
  // once so the server renders every time in it.
  var root = document.documentElement;
  if (root.getAttribute("data-tz-source") !== "default") return;
  if (document.cookie.indexOf("convene_tz=") !== -1) return;
  document.cookie = "convene_tz=" + tz + "; path=/; max-age=31536000; samesite=lax";
  if (tz !== root.getAttribute("data-tz")) window.location.reload();
})();
