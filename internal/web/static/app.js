// Manşet: small progressive enhancements. Reading works without this file.
(function () {
  "use strict";
  var button = document.getElementById("copy-link");
  var input = document.getElementById("share-url");
  if (!button || !input) return;
  button.hidden = false; // useless without JS, so shown only with it
  var status = document.querySelector(".copy-status");
  function done(ok) {
    if (status) status.textContent = ok ? (button.getAttribute("data-copied") || "Kopyalandı") : "Kopyalanamadı; bağlantıyı seçip kopyalayın.";
  }
  function fallback() {
    input.focus();
    input.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    done(ok);
  }
  button.addEventListener("click", function () {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(function () { done(true); }, fallback);
    } else {
      fallback();
    }
  });
  input.addEventListener("focus", function () { input.select(); });
})();
