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

// The trade dashboard: the monthly trend with the forecast's median and its 80 % and 95 % bands
// (each band drawn as its lower edge plus a stacked width), bars by year, and the breakdowns by
// gate, flow and commodity group. Clicking a point or a bar follows its drill-down URL.
function tradeCharts(data) {
  if (typeof echarts === "undefined") return;
  const charts = [];
  const follow = (chart) => chart.on("click", (params) => {
    const url = params.data && (params.data.url || params.data[2]);
    if (url) window.location.href = url;
  });
  const trendElement = document.getElementById("chart-trend");
  if (trendElement) {
    const trend = data.trend;
    const chart = echarts.init(trendElement);
    const series = [{ name: trend.labels.actual, type: "line", data: trend.actual, symbol: "none", color: "#0d6efd" }];
    if (trend.months) {
      const pairs = (values) => trend.months.map((month, i) => [month, values[i]]);
      const widths = (low, high) => trend.months.map((month, i) => [month, +(high[i] - low[i]).toFixed(3)]);
      const band = (name, low, high, colour) => [
        { name, type: "line", data: pairs(low), stack: name, symbol: "none", color: colour, lineStyle: { opacity: 0 }, tooltip: { show: false } },
        { name, type: "line", data: widths(low, high), stack: name, symbol: "none", color: colour, lineStyle: { opacity: 0 },
          areaStyle: { color: colour, opacity: 1 }, tooltip: { show: false } },
      ];
      series.push(...band(trend.labels.band95, trend.low95, trend.high95, "#fde3cc"));
      series.push(...band(trend.labels.band80, trend.low80, trend.high80, "#fdba8c"));
      series.push({ name: trend.labels.forecast, type: "line", data: pairs(trend.median), symbol: "none",
        lineStyle: { type: "dashed" }, color: "#fd7e14" });
    }
    chart.setOption({
      tooltip: { trigger: "axis" },
      legend: { bottom: 0, data: Object.values(trend.labels) },
      grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: "time" },
      yAxis: { type: "value" },
      series,
    });
    follow(chart);
    charts.push(chart);
  }
  const bars = (key, items, horizontal) => {
    const element = document.getElementById("chart-" + key);
    if (!element) return;
    const chart = echarts.init(element);
    const categories = { type: "category", data: items.map((item) => item.name), inverse: horizontal,
      axisLabel: { width: 140, overflow: "truncate" } };
    chart.setOption({
      tooltip: { trigger: "axis" },
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      xAxis: horizontal ? { type: "value" } : categories,
      yAxis: horizontal ? categories : { type: "value" },
      series: [{
        type: "bar", color: "#0d6efd",
        data: items.map((item) => ({ value: item.value, url: item.url, growth: item.growth })),
        label: { show: true, position: horizontal ? "right" : "top",
          formatter: (p) => (p.data.growth === undefined || p.data.growth === null ? p.value : p.value + " (" + (p.data.growth > 0 ? "+" : "") + p.data.growth + "%)") },
      }],
    });
    follow(chart);
    charts.push(chart);
  };
  bars("years", data.years, false);
  bars("gate", data.gate, true);
  bars("commodity", data.commodity, true);
  const flowElement = document.getElementById("chart-flow");
  if (flowElement) {
    const chart = echarts.init(flowElement);
    chart.setOption({
      tooltip: { trigger: "item" },
      series: [{ type: "pie", radius: ["40%", "70%"], label: { formatter: "{b}: {d}%" }, data: data.flow }],
    });
    follow(chart);
    charts.push(chart);
  }
  window.addEventListener("resize", () => charts.forEach((chart) => chart.resize()));
}
