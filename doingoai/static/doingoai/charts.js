// Charts of the monitoring pages, drawn with the vendored ECharts. Each reads plain data the page
// embeds with json_script; without JavaScript the same figures are in the tables beside them.
const BOOTSTRAP_COLOURS = {
  success: "#198754", info: "#0dcaf0", primary: "#0d6efd", danger: "#dc3545",
  warning: "#ffc107", secondary: "#6c757d", dark: "#212529", light: "#ced4da",
};

function statusChart(elementId, data) {
  const element = document.getElementById(elementId);
  if (!element || typeof echarts === "undefined") return;
  const chart = echarts.init(element);
  chart.setOption({
    tooltip: { trigger: "item" },
    series: [{
      type: "pie",
      radius: ["45%", "75%"],
      label: { formatter: "{b}: {c}" },
      data: data.labels
        .map((label, i) => ({ name: label, value: data.values[i], itemStyle: { color: BOOTSTRAP_COLOURS[data.colours[i]] } }))
        .filter((item) => item.value > 0),
    }],
  });
  window.addEventListener("resize", () => chart.resize());
}

function targetChart(elementId, data) {
  const element = document.getElementById(elementId);
  if (!element || typeof echarts === "undefined") return;
  const chart = echarts.init(element);
  chart.setOption({
    tooltip: { trigger: "axis" },
    legend: { bottom: 0 },
    xAxis: { type: "time" },
    yAxis: { type: "value", scale: true },
    series: [
      { name: data.labels.path, type: "line", data: data.path, lineStyle: { type: "dotted" }, symbol: "none", color: "#6c757d" },
      { name: data.labels.measured, type: "line", data: data.measured, color: "#0d6efd" },
      { name: data.labels.projection, type: "line", data: data.projection, lineStyle: { type: "dashed" }, color: "#fd7e14" },
    ],
  });
  window.addEventListener("resize", () => chart.resize());
}

// The dashboard's widgets: a bar or pie chart per widget; a click opens the list behind the figure.
function dashboardCharts(widgets) {
  if (typeof echarts === "undefined") return;
  widgets.forEach((widget) => {
    const element = document.getElementById("chart-" + widget.key);
    if (!element) return;
    const chart = echarts.init(element);
    const data = widget.figures
      .filter((f) => f.value !== null && f.value > 0)
      .map((f) => ({ name: f.label, value: f.value, url: f.url, itemStyle: { color: BOOTSTRAP_COLOURS[f.colour] } }));
    if (widget.chart === "pie") {
      chart.setOption({
        tooltip: { trigger: "item" },
        series: [{ type: "pie", radius: ["40%", "70%"], label: { formatter: "{b}: {c}" }, data }],
      });
    } else {
      chart.setOption({
        tooltip: { trigger: "axis" },
        grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: "value" },
        yAxis: { type: "category", inverse: true, data: data.map((d) => d.name), axisLabel: { width: 140, overflow: "truncate" } },
        series: [{ type: "bar", data }],
      });
    }
    chart.on("click", (params) => { if (params.data && params.data.url) window.location.href = params.data.url; });
    window.addEventListener("resize", () => chart.resize());
  });
}
