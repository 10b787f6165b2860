// Session form: keep the planner link in step with the chosen start, end,
// zone and regions, so "Check this time" opens the planner on exactly that
// slot. Without script the link still opens the planner.
(function () {
  var link = document.querySelector('[data-planner]');
  var form = link && link.closest('form');
  if (!form) return;
  function value(name) {
    var el = form.elements[name];
    return el ? el.value : '';
  }
  function update() {
    var start = value('starts_at');
    var end = value('ends_at');
    var params = new URLSearchParams();
    if (start.length >= 16) {
      params.set('date', start.slice(0, 10));
      params.set('time', start.slice(11, 16));
      if (end.length >= 16) {
        var minutes = Math.round((Date.parse(end + ':00Z') - Date.parse(start + ':00Z')) / 60000);
        if (minutes >= 15 && minutes <= 720) params.set('minutes', String(minutes));
      }
    }
    if (value('time_zone')) params.set('zone', value('time_zone'));
    form.querySelectorAll('input[name="regions"]:checked').forEach(function (box) {
      params.append('region', box.value);
    });
    // The organising region's secretariat keeps its own working day.
    if (value('organising_region')) params.set('organiser', value('organising_region'));
    var countries = value('countries');
    if (countries) params.set('countries', countries);
    link.href = '/admin/planner?' + params.toString();
  }
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  update();
})();
