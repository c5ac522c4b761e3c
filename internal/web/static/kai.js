// Manşet KAI panel: ask questions about the article without leaving it.
// Answers stream in when the server has a language model; citations
// scroll to the quoted sentence in the article and highlight it. Without
// this file the form posts to /haber/{slug}/kai and a page answers.
(function () {
  "use strict";
  // The page's <html lang> says which UI language the server chose.
  var EN = document.documentElement.lang === "en";
  function L(tr, en) { return EN ? en : tr; }

  var form = document.getElementById("kai-form");
  var log = document.getElementById("kai-log");
  if (!form || !log || !window.fetch) return;
  var input = document.getElementById("kai-question");
  var status = form.querySelector(".kai-status");
  var articleID = form.getAttribute("data-article-id");
  var history = [];          // {question, answer} of this page's conversation
  var maxTurns = 6;          // what the API accepts
  var busy = false;
  var markSeq = 0;

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var q = ev.submitter && ev.submitter.classList.contains("kai-suggestion")
      ? ev.submitter.value : input.value;
    q = (q || "").trim();
    if (!q || busy) return;
    input.value = "";
    ask(q);
  });

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function setBusy(on) {
    busy = on;
    form.setAttribute("aria-busy", on ? "true" : "false");
    form.querySelectorAll("button").forEach(function (b) { b.disabled = on; });
    if (status) status.textContent = on ? L("KAI yanıtlıyor…", "KAI is answering…") : "";
  }

  function ask(question) {
    var turn = el("div", "kai-turn");
    var q = el("p", "kai-q");
    q.appendChild(el("span", "kai-who", "Siz: "));
    q.appendChild(document.createTextNode(question));
    var a = el("div", "kai-a kai-pending");
    var text = el("p", "kai-text", L("KAI yanıtlıyor…", "KAI is answering…"));
    a.appendChild(text);
    turn.appendChild(q);
    turn.appendChild(a);
    log.appendChild(turn);
    setBusy(true);
    var streamed = "";
    fetch("/api/v1/articles/" + encodeURIComponent(articleID) + "/kai", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "text/event-stream, application/json",
        "Accept-Language": L("tr", "en") }, // errors in the page's language
      body: JSON.stringify({ question: question, history: history.slice(-maxTurns) })
    }).then(function (resp) {
      var type = resp.headers.get("Content-Type") || "";
      if (resp.ok && type.indexOf("text/event-stream") === 0 && resp.body) {
        return readEvents(resp.body, function (event, data) {
          if (event === "delta") {
            streamed += data.text;
            text.textContent = streamed;
          } else if (event === "answer") {
            showAnswer(a, data, question);
          } else if (event === "error") {
            showError(a, data);
          }
        });
      }
      return resp.json().then(function (data) {
        if (resp.ok) showAnswer(a, data, question); else showError(a, data);
      });
    }).catch(function () {
      showError(a, null);
    }).then(function () {
      setBusy(false);
      input.focus();
    });
  }

  // readEvents parses a server-sent event stream from a fetch body.
  function readEvents(body, onEvent) {
    var reader = body.getReader();
    var decoder = new TextDecoder();
    var buf = "";
    function dispatch(block) {
      var event = "message", data = [];
      block.split("\n").forEach(function (line) {
        if (line.charAt(line.length - 1) === "\r") line = line.slice(0, -1);
        if (line.indexOf("event:") === 0) event = line.slice(6).trim();
        else if (line.indexOf("data:") === 0) data.push(line.slice(5).replace(/^ /, ""));
      });
      if (!data.length) return;
      try { onEvent(event, JSON.parse(data.join("\n"))); } catch (e) { /* a broken event is skipped */ }
    }
    function pump() {
      return reader.read().then(function (r) {
        if (r.done) {
          if (buf.trim()) dispatch(buf);
          return;
        }
        buf += decoder.decode(r.value, { stream: true });
        var i;
        while ((i = buf.search(/\r?\n\r?\n/)) >= 0) {
          var m = buf.slice(i).match(/^\r?\n\r?\n/)[0];
          dispatch(buf.slice(0, i));
          buf = buf.slice(i + m.length);
        }
        return pump();
      });
    }
    return pump();
  }

  function showError(a, data) {
    a.className = "kai-a kai-error";
    a.textContent = "";
    var msg = data && data.error && data.error.message ? data.error.message : L("Bir sorun oluştu. Lütfen yeniden deneyin.", "Something went wrong. Please try again.");
    a.appendChild(el("p", "kai-text", msg));
  }

  function showAnswer(a, ans, question) {
    a.className = "kai-a" + (ans.covered ? "" : " kai-uncovered");
    a.textContent = "";
    var cites = ans.citations || [];
    var p = el("p", "kai-text");
    p.appendChild(el("span", "kai-who", "KAI: "));
    // an uncovered answer is the engine's fixed Turkish sentence
    answerText(p, ans.covered ? ans.answer || "" : L(ans.answer || "", "This article has no information on that question."), cites);
    a.appendChild(p);
    if (cites.length) {
      a.appendChild(el("p", "kai-cites-title", L("Kaynak cümleler:", "Source sentences:")));
      var ol = el("ol", "kai-cites");
      cites.forEach(function (c, i) {
        var li = el("li");
        li.appendChild(citeLink(c, c.text, i));
        if (String(c.article_id) !== String(articleID)) {
          li.appendChild(document.createTextNode(" — "));
          li.appendChild(el("span", "kai-cite-source", c.title));
        }
        ol.appendChild(li);
      });
      a.appendChild(ol);
    }
    if (ans.engine && ans.engine.indexOf("llm:") === 0) {
      a.appendChild(el("p", "kai-engine", L("Dil modeliyle, yalnızca haber metinlerinden yanıtlandı.", "Answered by a language model, from the news texts only.")));
    }
    history.push({ question: question, answer: ans.answer || "" });
  }

  // answerText writes the answer, turning [n] markers into links to the
  // n-th citation and marking each citation's highlighted phrase.
  function answerText(p, text, cites) {
    var parts = text.split(/(\[\d+\])/);
    parts.forEach(function (part) {
      var m = part.match(/^\[(\d+)\]$/);
      if (m && cites[m[1] - 1]) {
        var link = citeLink(cites[m[1] - 1], part, m[1] - 1);
        link.className += " kai-marker";
        p.appendChild(link);
        return;
      }
      appendHighlighted(p, part, cites);
    });
  }

  function appendHighlighted(p, text, cites) {
    var hl = "";
    cites.forEach(function (c) { if (!hl && c.highlight && text.indexOf(c.highlight) >= 0) hl = c.highlight; });
    if (!hl) {
      p.appendChild(document.createTextNode(text));
      return;
    }
    var i = text.indexOf(hl);
    p.appendChild(document.createTextNode(text.slice(0, i)));
    p.appendChild(el("strong", "kai-highlight", hl));
    p.appendChild(document.createTextNode(text.slice(i + hl.length)));
  }

  // citeLink is a link to the cited sentence: on this page it scrolls to
  // and highlights it; for another article it opens that article.
  function citeLink(c, label, i) {
    var link = el("a", "kai-cite", label);
    var here = String(c.article_id) === String(articleID);
    link.href = here ? "#kai-cite-" + i : c.url;
    if (here) {
      link.addEventListener("click", function (ev) {
        var mark = highlight(c.text);
        if (!mark) return; // let the browser follow the link
        ev.preventDefault();
        mark.scrollIntoView({ behavior: "smooth", block: "center" });
        mark.focus({ preventScroll: true });
      });
    }
    return link;
  }

  // highlight finds sentence in the article's text (ignoring how spaces and
  // tags split it), wraps it in <mark> elements and returns the first.
  function highlight(sentence) {
    var root = document.querySelector("article.article") || document.querySelector(".article-body");
    if (!root) return null;
    document.querySelectorAll("mark.kai-active").forEach(function (m) { m.classList.remove("kai-active"); });
    var existing = root.querySelector('mark[data-kai-sentence="' + cssEscape(sentence) + '"]');
    if (existing) {
      root.querySelectorAll('mark[data-kai-sentence="' + cssEscape(sentence) + '"]').forEach(function (m) { m.classList.add("kai-active"); });
      return existing;
    }
    var index = textIndex(root);
    var want = sentence.replace(/\s+/g, " ").trim();
    var at = index.text.indexOf(want);
    if (at < 0) return null;
    var first = null;
    var id = "kai-mark-" + (++markSeq);
    // wrap the pieces back to front so earlier offsets stay valid
    var pieces = [];
    for (var k = at; k < at + want.length; k++) {
      var pos = index.map[k];
      var last = pieces[pieces.length - 1];
      if (last && last.node === pos.node && last.end === pos.offset) last.end = pos.offset + 1;
      else pieces.push({ node: pos.node, start: pos.offset, end: pos.offset + 1 });
    }
    for (var j = pieces.length - 1; j >= 0; j--) {
      var pc = pieces[j];
      var mid = pc.node.splitText(pc.start);
      mid.splitText(pc.end - pc.start);
      var mark = el("mark", "kai-mark kai-active");
      mark.setAttribute("data-kai-sentence", sentence);
      mid.parentNode.replaceChild(mark, mid);
      mark.appendChild(mid);
      first = mark;
    }
    if (first) {
      first.id = id;
      first.tabIndex = -1;
    }
    return first;
  }

  // textIndex is the root's text with runs of white space as one space,
  // and for each character the text node and offset it came from.
  function textIndex(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) {
        return n.parentNode.closest("script, style, #kai, .share") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var text = "", map = [], space = true, n;
    while ((n = walker.nextNode())) {
      var s = n.nodeValue;
      for (var i = 0; i < s.length; i++) {
        if (/\s/.test(s.charAt(i))) {
          if (!space) { text += " "; map.push({ node: n, offset: i }); space = true; }
        } else {
          text += s.charAt(i);
          map.push({ node: n, offset: i });
          space = false;
        }
      }
    }
    return { text: text, map: map };
  }

  function cssEscape(s) {
    return window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/["\\]/g, "\\$&");
  }
})();
