// Manşet: login state, reactions and comments without page reloads. Every
// form here also works without this file; pages are cached and shared, so
// whatever is personal (who is logged in, which reaction is mine) is asked
// of the API here and never baked into the HTML.
(function () {
  "use strict";
  // The page's <html lang> says which UI language the server chose.
  var EN = document.documentElement.lang === "en";
  function L(tr, en) { return EN ? en : tr; }

  function api(method, url, body) {
    // the API's error messages follow Accept-Language: ask for the page's
    var opts = { method: method, headers: { "Accept": "application/json", "Accept-Language": L("tr", "en") },
      credentials: "same-origin" };
    if (body !== undefined) {
      opts.headers["Content-Type"] = "application/json";
      opts.body = JSON.stringify(body);
    }
    return fetch(url, opts).then(function (resp) {
      if (resp.status === 204) return { ok: true, status: 204, data: null };
      return resp.json().then(function (data) {
        return { ok: resp.ok, status: resp.status, data: data };
      }, function () {
        return { ok: false, status: resp.status, data: null };
      });
    });
  }

  function errorText(res) {
    if (res && res.data && res.data.error && res.data.error.message) return res.data.error.message;
    return L("Bir sorun oluştu. Lütfen yeniden deneyin.", "Something went wrong. Please try again.");
  }

  function loggedInHint() {
    return /(?:^|;\s*)manset_in=1(?:;|$)/.test(document.cookie);
  }

  // --- Header: who is logged in -------------------------------------
  var me = null;
  var meReady = loggedInHint() ? api("GET", "/api/v1/me").then(function (res) {
    if (res.ok) {
      me = res.data;
    } else if (res.status === 401) {
      document.cookie = "manset_in=; Max-Age=0; path=/";
    }
    return me;
  }, function () { return null; }) : Promise.resolve(null);

  var nav = document.getElementById("account-nav");
  if (nav) {
    var here = location.pathname + location.search;
    if (location.pathname !== "/giris" && location.pathname !== "/kayit") {
      nav.querySelectorAll("a").forEach(function (a) {
        a.href = a.getAttribute("href") + "?next=" + encodeURIComponent(here);
      });
    }
    meReady.then(function (user) {
      if (!user) return;
      nav.textContent = "";
      var name = document.createElement("span");
      name.className = "account-name";
      name.textContent = user.name;
      var account = document.createElement("a");
      account.href = "/hesap";
      account.textContent = L("Hesabım", "My account");
      var form = document.createElement("form");
      form.method = "post";
      form.action = "/cikis";
      form.className = "logout-form";
      var out = document.createElement("button");
      out.type = "submit";
      out.className = "link-button";
      out.textContent = L("Çıkış", "Log out");
      form.appendChild(out);
      nav.append(name, account, form);
    });
  }

  // --- Reactions -------------------------------------------------------
  var reactions = document.getElementById("reactions");
  var reactionForm = reactions && reactions.querySelector(".reaction-form");
  if (reactionForm) {
    var articleID = reactions.getAttribute("data-article-id");
    var url = "/api/v1/articles/" + articleID + "/reactions";
    var status = reactions.querySelector(".reaction-status");
    var buttons = reactionForm.querySelectorAll("button[data-kind]");
    var mine = null;
    var busy = false;

    var show = function (state) {
      mine = state.mine;
      buttons.forEach(function (b) {
        var kind = b.getAttribute("data-kind");
        var count = b.querySelector(".reaction-count");
        if (count && state.counts && kind in state.counts) count.textContent = state.counts[kind];
        b.setAttribute("aria-pressed", kind === mine ? "true" : "false");
      });
    };
    buttons.forEach(function (b) { b.setAttribute("aria-pressed", "false"); });
    api("GET", url).then(function (res) { if (res.ok) show(res.data); });

    reactionForm.addEventListener("submit", function (ev) {
      var button = ev.submitter;
      if (!button || !button.getAttribute("data-kind")) return; // let the form post
      ev.preventDefault();
      if (busy) return;
      busy = true;
      var kind = button.getAttribute("data-kind");
      var withdraw = kind === mine;
      var call = withdraw ? api("DELETE", url) : api("POST", url, { kind: kind });
      call.then(function (res) {
        if (!res.ok) {
          status.textContent = errorText(res);
          return;
        }
        show(res.data);
        var label = button.querySelector(".reaction-label");
        status.textContent = withdraw ? L("Tepkiniz geri alındı.", "Your reaction was withdrawn.") :
          L("Tepkiniz kaydedildi: ", "Your reaction was saved: ") + (label ? label.textContent : kind) + ".";
      }, function () {
        status.textContent = L("Bağlantı kurulamadı. Lütfen yeniden deneyin.", "Could not connect. Please try again.");
      }).then(function () { busy = false; });
    });
  }

  // --- Comments --------------------------------------------------------
  var commentForm = document.getElementById("yorum-formu");
  if (commentForm) {
    var cid = commentForm.getAttribute("data-article-id");
    var commentsURL = "/api/v1/articles/" + cid + "/comments";
    var tokenField = commentForm.querySelector("input[name=form_token]");
    var parentField = commentForm.querySelector("input[name=parent_id]");
    var replyTo = commentForm.querySelector(".reply-to");
    var cstatus = commentForm.querySelector(".comment-status");
    var body = commentForm.querySelector("textarea[name=body]");
    var tokenAsked = false;

    // The cached page's token is as old as the page; the fill time counts
    // from when the reader starts writing.
    var freshToken = function () {
      if (tokenAsked) return;
      tokenAsked = true;
      api("GET", commentsURL + "/token").then(function (res) {
        if (res.ok && res.data.token) tokenField.value = res.data.token;
      });
    };
    commentForm.addEventListener("focusin", freshToken);

    meReady.then(function (user) {
      if (!user) return;
      var guest = commentForm.querySelector(".guest-fields");
      if (!guest) return;
      guest.hidden = true;
      guest.querySelectorAll("input").forEach(function (i) { i.required = false; });
      var who = document.createElement("p");
      who.className = "comment-as";
      who.textContent = EN ? "Commenting as " + user.name + "." : user.name + " olarak yorum yazıyorsunuz.";
      guest.parentNode.insertBefore(who, guest);
    });

    document.querySelectorAll("#comments .reply-link").forEach(function (link) {
      link.addEventListener("click", function (ev) {
        ev.preventDefault();
        parentField.value = link.getAttribute("data-reply-to");
        replyTo.hidden = false;
        var name = link.getAttribute("data-reply-name") || L("Bir okur", "a reader");
        replyTo.firstChild.textContent = EN ? "You are replying to " + name + ". " : name + " adlı okura yanıt yazıyorsunuz. ";
        body.focus();
      });
    });
    var cancel = commentForm.querySelector(".cancel-reply");
    if (cancel) {
      cancel.addEventListener("click", function (ev) {
        ev.preventDefault();
        parentField.value = "";
        replyTo.hidden = true;
      });
    }

    commentForm.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var field = function (name) {
        var el = commentForm.elements[name];
        return el ? el.value : "";
      };
      var payload = {
        name: field("name"), email: field("email"), body: field("body"),
        parent_id: parseInt(field("parent_id"), 10) || 0,
        website: field("website"), form_token: field("form_token")
      };
      var submit = commentForm.querySelector("button[type=submit]");
      submit.disabled = true;
      cstatus.setAttribute("role", "status");
      cstatus.textContent = L("Gönderiliyor…", "Sending…");
      api("POST", commentsURL, payload).then(function (res) {
        if (!res.ok) {
          cstatus.setAttribute("role", "alert");
          cstatus.textContent = errorText(res);
          return;
        }
        if (res.data.status === "approved") {
          location.assign(location.pathname + "?yorum=yayinda#comments");
          return;
        }
        body.value = "";
        parentField.value = "";
        replyTo.hidden = true;
        cstatus.textContent = L("Yorumunuz onaylandıktan sonra yayınlanacak.", "Your comment will be published once it is approved.");
      }, function () {
        cstatus.setAttribute("role", "alert");
        cstatus.textContent = L("Bağlantı kurulamadı. Lütfen yeniden deneyin.", "Could not connect. Please try again.");
      }).then(function () { submit.disabled = false; });
    });
  }
})();
