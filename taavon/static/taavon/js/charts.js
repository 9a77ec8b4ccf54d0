/*
 * Render ECharts charts declared in HTML (vanilla JS, no build step).
 *
 * Load after vendor/echarts/echarts.min.js (and optionally vendor/echarts/langFA.js).
 *
 *   <div class="chart" data-echart>
 *     <script type="application/json">{"xAxis": {...}, "series": [...]}</script>
 *   </div>
 *   <div class="chart" data-echart='{"series": [...]}'></div>
 *   <div class="chart" data-echart="#chart-data"></div>  (id of a {{ data|json_script:"chart-data" }})
 *
 * Defaults (overridden by the option): Vazirmatn font, Persian digits in value axes and
 * tooltips, value axis on the right and legend/title aligned right (RTL reading order).
 * Set data-echart-rtl="false" to keep ECharts' left-to-right layout for one chart.
 * Charts are rendered after the font has loaded, resize with their container, are rendered
 * in content swapped in by htmx and disposed when htmx removes them.
 */
(function () {
  "use strict";

  var FONT = "Vazirmatn, Tahoma, sans-serif";
  var numberFormat = new Intl.NumberFormat("fa-IR");
  var observer = window.ResizeObserver
    ? new ResizeObserver(function (entries) {
        entries.forEach(function (entry) {
          var chart = window.echarts.getInstanceByDom(entry.target);
          if (chart) chart.resize();
        });
      })
    : null;

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /* Deep merge: values from `override` win; arrays are replaced, not merged. */
  function merge(base, override) {
    var out = {};
    Object.keys(base).forEach(function (k) { out[k] = base[k]; });
    Object.keys(override).forEach(function (k) {
      out[k] = isObject(base[k]) && isObject(override[k]) ? merge(base[k], override[k]) : override[k];
    });
    return out;
  }

  function formatNumber(value) {
    return typeof value === "number" ? numberFormat.format(value) : value;
  }

  function readOption(el) {
    var raw = el.getAttribute("data-echart");
    var source = null;
    if (raw && raw.trim().charAt(0) === "#") {
      source = document.getElementById(raw.trim().slice(1));
      raw = source ? source.textContent : null;
    } else if (!raw || !raw.trim()) {
      source = el.querySelector('script[type="application/json"]');
      raw = source ? source.textContent : null;
    }
    if (!raw) throw new Error("no chart option found");
    return JSON.parse(raw);
  }

  /* Apply per-axis defaults to an axis option that may be an object or an array. */
  function axisDefaults(axes, defaultsFor) {
    var list = Array.isArray(axes) ? axes : [axes];
    var merged = list.map(function (axis) { return merge(defaultsFor(axis), axis); });
    return Array.isArray(axes) ? merged : merged[0];
  }

  function withDefaults(option, rtl) {
    var base = {
      textStyle: { fontFamily: FONT },
      tooltip: {
        textStyle: { fontFamily: FONT },
        valueFormatter: formatNumber,
      },
      legend: { textStyle: { fontFamily: FONT } },
      title: { textStyle: { fontFamily: FONT }, subtextStyle: { fontFamily: FONT } },
      grid: { containLabel: true, left: 16, right: 16, top: 48, bottom: 16 },
    };
    if (rtl) {
      base.legend.right = 0;
      base.title.right = 0;
      base.toolbox = { left: 0 };
    }
    var result = merge(base, option);

    function axisFor(kind) {
      return function (axis) {
        var d = { axisLabel: { fontFamily: FONT }, nameTextStyle: { fontFamily: FONT } };
        var type = axis.type || (kind === "y" ? "value" : "category");
        if (type === "value" || type === "log") d.axisLabel.formatter = formatNumber;
        if (rtl && kind === "y") d.position = "right";
        if (rtl && kind === "x" && type === "category") d.inverse = true;
        return d;
      };
    }
    if (result.xAxis) result.xAxis = axisDefaults(result.xAxis, axisFor("x"));
    if (result.yAxis) result.yAxis = axisDefaults(result.yAxis, axisFor("y"));
    return result;
  }

  function renderChart(el) {
    if (!window.echarts || window.echarts.getInstanceByDom(el)) return null;
    var option;
    try {
      option = readOption(el);
    } catch (err) {
      console.error("taavon charts: invalid chart option", el, err);
      return null;
    }
    var rtl = el.getAttribute("data-echart-rtl") !== "false";
    // "FA" comes from vendor/echarts/langFA.js; without it ECharts falls back to English.
    var chart = window.echarts.init(el, null, { renderer: "canvas", locale: "FA" });
    chart.setOption(withDefaults(option, rtl));
    if (observer) observer.observe(el);
    return chart;
  }

  function renderAll(root) {
    var scope = root && root.querySelectorAll ? root : document;
    var els = Array.prototype.slice.call(scope.querySelectorAll("[data-echart]"));
    if (scope.matches && scope.matches("[data-echart]")) els.unshift(scope);
    els.forEach(renderChart);
  }

  function disposeIn(root) {
    if (!window.echarts || !root || !root.querySelectorAll) return;
    var els = Array.prototype.slice.call(root.querySelectorAll("[data-echart]"));
    if (root.matches && root.matches("[data-echart]")) els.unshift(root);
    els.forEach(function (el) {
      var chart = window.echarts.getInstanceByDom(el);
      if (chart) {
        if (observer) observer.unobserve(el);
        chart.dispose();
      }
    });
  }

  /* Canvas text does not re-render when a web font arrives, so wait for Vazirmatn first. */
  function whenFontReady(callback) {
    if (document.fonts && document.fonts.load) {
      Promise.all([
        document.fonts.load('400 14px "Vazirmatn"', "۱۲۳ابپ"),
        document.fonts.load('700 14px "Vazirmatn"', "۱۲۳ابپ"),
      ]).then(callback, callback);
    } else {
      callback();
    }
  }

  function start() {
    whenFontReady(function () { renderAll(document); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }

  document.addEventListener("htmx:load", function (event) {
    whenFontReady(function () { renderAll(event.target); });
  });
  document.addEventListener("htmx:beforeCleanupElement", function (event) {
    disposeIn(event.target);
  });

  window.taavon = window.taavon || {};
  window.taavon.charts = { render: renderAll, renderChart: renderChart, withDefaults: withDefaults };
})();
