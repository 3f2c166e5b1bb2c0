// "Near me" on the search page: an enhancement. Without JavaScript (or without permission),
// the person types a postcode or a municipality instead.
(function () {
  var button = document.getElementById('near-me');
  if (!button || !('geolocation' in navigator)) return;
  var form = button.form;
  var status = document.getElementById('near-me-status');
  button.hidden = false;
  button.addEventListener('click', function () {
    status.textContent = button.getAttribute('data-wait');
    navigator.geolocation.getCurrentPosition(function (position) {
      form.elements.lat.value = position.coords.latitude.toFixed(4);
      form.elements.lon.value = position.coords.longitude.toFixed(4);
      form.elements.q.value = '';
      form.submit();
    }, function () {
      status.textContent = button.getAttribute('data-error');
    }, { maximumAge: 600000, timeout: 15000 });
  });
  // Typing a place again means searching there, not around the last position.
  form.elements.q.addEventListener('input', function () {
    form.elements.lat.value = '';
    form.elements.lon.value = '';
  });
})();
