/* Loonwaarde history chart on the placement's subsidy page. The data comes from a
   <script type="application/json" id="loonwaarde-data"> block (no inline scripts: CSP).
   Without JavaScript or Chart.js the table below the chart shows the same figures. */
(function () {
  "use strict";

  function draw() {
    var canvas = document.getElementById("loonwaarde-chart");
    var source = document.getElementById("loonwaarde-data");
    if (!canvas || !source || typeof window.Chart === "undefined") return;
    var data = JSON.parse(source.textContent);
    new window.Chart(canvas, {
      type: "line",
      data: {
        labels: data.labels,
        datasets: [{
          label: "Loonwaarde (%)",
          data: data.values,
          borderColor: "#1d4f91",
          backgroundColor: "#1d4f91",
          stepped: "before",
          pointRadius: 4
        }]
      },
      options: {
        animation: false,
        responsive: true,
        scales: { y: { min: 0, max: 100, ticks: { callback: function (v) { return v + "%"; } } } },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { afterLabel: function (ctx) { return data.methods[ctx.dataIndex] || ""; } } }
        }
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
