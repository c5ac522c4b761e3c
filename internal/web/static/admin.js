// Manşet newsroom admin: small enhancements; every form works without it.
(function () {
  "use strict";

  // Live slug preview: ask the server for the slug of the title as typed.
  var title = document.querySelector("[data-slug-target]");
  if (title && !document.querySelector(".editor a[href^='/haber/']")) {
    var out = document.getElementById(title.getAttribute("data-slug-target"));
    var timer = null;
    var update = function () {
      var q = title.value.trim();
      if (!q) { out.textContent = "Adres kaydedince başlıktan oluşturulur."; return; }
      fetch("/admin/slug?title=" + encodeURIComponent(q), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (d) { if (d && d.url) out.textContent = "Adres önizlemesi: " + d.url; })
        .catch(function () {});
    };
    title.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(update, 250);
    });
  }

  // Ask before destructive buttons (delete, disable).
  document.addEventListener("click", function (e) {
    var b = e.target.closest ? e.target.closest("[data-confirm]") : null;
    if (b && !window.confirm(b.getAttribute("data-confirm"))) e.preventDefault();
  });

  // "Select all" for bulk moderation.
  Array.prototype.forEach.call(document.querySelectorAll(".select-all"), function (box) {
    box.addEventListener("change", function () {
      var name = box.getAttribute("data-select");
      Array.prototype.forEach.call(box.form.querySelectorAll("input[name='" + name + "']"), function (c) {
        c.checked = box.checked;
      });
    });
  });

  // Up/down buttons on the manşet table: move a pinned row and renumber.
  var table = document.querySelector(".manset-table tbody");
  if (table) {
    var renumber = function () {
      var n = 1;
      Array.prototype.forEach.call(table.querySelectorAll(".pos"), function (input) {
        if (input.value !== "" && input.value !== "0") input.value = String(n++);
      });
    };
    Array.prototype.forEach.call(table.rows, function (row) {
      var cell = row.cells[0];
      [["↑", "Yukarı taşı", -1], ["↓", "Aşağı taşı", 1]].forEach(function (spec) {
        var b = document.createElement("button");
        b.type = "button";
        b.className = "move";
        b.textContent = spec[0];
        b.setAttribute("aria-label", spec[1]);
        b.addEventListener("click", function () {
          var other = spec[2] < 0 ? row.previousElementSibling : row.nextElementSibling;
          if (!other) return;
          var input = row.querySelector(".pos");
          if (input.value === "" || input.value === "0") input.value = "99";
          table.insertBefore(row, spec[2] < 0 ? other : other.nextElementSibling);
          renumber();
          b.focus();
        });
        cell.appendChild(b);
      });
    });
  }
})();
