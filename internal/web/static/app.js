// Manşet: small progressive enhancements. Reading works without this file.
(function () {
  "use strict";
  // The page's <html lang> says which UI language the server chose.
  var EN = document.documentElement.lang === "en";
  function L(tr, en) { return EN ? en : tr; }
  var button = document.getElementById("copy-link");
  var input = document.getElementById("share-url");
  if (!button || !input) return;
  button.hidden = false; // useless without JS, so shown only with it
  var status = document.querySelector(".copy-status");
  function done(ok) {
    if (status) status.textContent = ok ? (button.getAttribute("data-copied") || L("Kopyalandı", "Copied")) : L("Kopyalanamadı; bağlantıyı seçip kopyalayın.", "Could not copy; select the link and copy it.");
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
