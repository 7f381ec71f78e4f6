// Draws the dashboard's charts from the JSON in each canvas's data-chart attribute, with Chart.js served by the
// hub (WebJar). Every chart has the same figures in a table next to it.
(function () {
  if (typeof Chart === 'undefined') { return; }
  Chart.defaults.font.family = 'system-ui, sans-serif';
  Chart.defaults.color = '#1b1f24';
  var palette = ['#0b4f8a', '#2f9e55', '#c99700', '#b3261e', '#5b1a86', '#00796b', '#6d4c41', '#455a64'];
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var data = JSON.parse(canvas.getAttribute('data-chart'));
    var names = JSON.parse(canvas.getAttribute('data-series-names') || '{}');
    var type = canvas.getAttribute('data-type') || 'bar';
    var keys = Object.keys(data.series);
    var datasets = keys.map(function (key, i) {
      var ds = { label: names[key] || key, data: data.series[key] };
      if (type === 'doughnut') {
        ds.backgroundColor = data.labels.map(function (_, j) { return palette[j % palette.length]; });
      } else {
        ds.backgroundColor = palette[i % palette.length];
      }
      if (key === 'onTime') { ds.type = 'line'; ds.yAxisID = 'percent'; ds.borderColor = '#b3261e'; }
      return ds;
    });
    var options = { responsive: true, maintainAspectRatio: false, animation: false };
    if (type === 'bar') {
      options.scales = { y: { beginAtZero: true, ticks: { precision: keys.indexOf('onTime') >= 0 ? undefined : 0 } } };
      if (keys.indexOf('onTime') >= 0) {
        options.scales.percent = { position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false } };
      }
    }
    new Chart(canvas, { type: type, data: { labels: data.labels, datasets: datasets }, options: options });
  });
})();
