/* footprint app: progressive enhancement only. Every page works without this file.
 * Review: answers are sent in the background and the card is updated in place;
 * keys j/k move between cards, w/p/a/n answer, u undoes. Audit: live progress.
 * Nothing here builds HTML from data: text goes in with textContent. */
(function () {
  "use strict";

  function csrf() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  function post(form, submitter) {
    var data = new FormData(form);
    if (submitter && submitter.name) { data.append(submitter.name, submitter.value); }
    var target = submitter && submitter.hasAttribute("formaction") ? submitter.formAction : form.action;
    return fetch(target, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRF-Token": csrf() }
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok || !body.ok) { throw new Error(body.error || "failed"); }
        return body;
      });
    });
  }

  /* ---- review ---------------------------------------------------------------- */
  var review = document.getElementById("review");

  function say(text) {
    var live = document.getElementById("announce");
    if (live) { live.textContent = ""; live.textContent = text; }
  }

  function updateCounter() {
    var counter = document.getElementById("counter");
    if (!counter) { return; }
    var done = 0;
    document.querySelectorAll("article.card").forEach(function (card) {
      if (card.dataset.reviewed === "1") { done += 1; }
    });
    var hidden = parseInt(counter.dataset.reviewed, 10) - parseInt(counter.dataset.shownReviewed || counter.dataset.reviewed, 10);
    var total = done + (isNaN(hidden) ? 0 : hidden);
    counter.querySelector(".n-reviewed").textContent = String(total);
    var bar = document.getElementById("counter-bar");
    if (bar) { bar.value = total; }
  }

  function markCard(card, category) {
    if (!card) { return; }
    card.dataset.reviewed = category ? "1" : "0";
    if (category) { card.dataset.category = category; }
    card.querySelectorAll("button.answer").forEach(function (button) {
      button.setAttribute("aria-pressed", category && button.value === category ? "true" : "false");
    });
    var state = card.querySelector("[data-state]");
    if (state) {
      state.textContent = "";
      if (category) {
        var strong = document.createElement("strong");
        strong.textContent = review.dataset.tYour + ": ";
        state.appendChild(strong);
        state.appendChild(document.createTextNode(review.dataset["t" + category.charAt(0).toUpperCase() + category.slice(1)] || category));
      } else {
        state.textContent = review.dataset.tTodo;
      }
    }
    var undo = card.querySelector("button[data-undo]");
    if (undo) { undo.hidden = !category; }
  }

  /* After an answer: the offer to remember what the result tells (the same form the page
   * shows without JavaScript, cloned from its <template>). It never takes the focus. */
  function removeOffer(card) {
    card.querySelectorAll("form[data-teach], .taught").forEach(function (el) { el.remove(); });
  }

  function showOffer(card, offer) {
    removeOffer(card);
    var template = document.getElementById("teach-template");
    if (!offer || !template) { return false; }
    var form = template.content.querySelector("form").cloneNode(true);
    form.querySelector('input[name="url"]').value = offer.url;
    form.querySelector('input[name="category"]').value = offer.category;
    form.querySelector("[data-teach-title]").textContent = offer.title;
    form.querySelector("[data-teach-button]").textContent = offer.button;
    var list = form.querySelector("[data-teach-facts]");
    offer.facts.forEach(function (fact, i) {
      var item = document.createElement("li");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.name = "fact";
      box.value = fact.value;
      box.checked = true;
      box.id = card.id + "-f" + (i + 1);
      var label = document.createElement("label");
      label.htmlFor = box.id;
      label.textContent = fact.text;
      item.appendChild(box);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(label);
      list.appendChild(item);
    });
    card.appendChild(form);
    return true;
  }

  function taught(card, form, text) {
    var done = document.createElement("p");
    done.className = "ok taught";
    done.textContent = text;
    var focused = form.contains(document.activeElement);
    form.replaceWith(done);
    if (focused) { focusCard(card); }  /* the button is gone: keep the place in the list */
    say(text);
  }

  function cards() { return Array.prototype.slice.call(document.querySelectorAll("article.card")); }

  function currentCard() {
    var active = document.activeElement;
    return active && active.closest ? active.closest("article.card") : null;
  }

  function focusCard(card) {
    if (!card) { return; }
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: "center" });
  }

  function move(step) {
    var all = cards();
    if (!all.length) { return; }
    var index = all.indexOf(currentCard());
    var next = index < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, index + step));
    focusCard(all[next]);
  }

  if (review) {
    var reviewedOnPage = cards().filter(function (c) { return c.dataset.reviewed === "1"; }).length;
    var counter = document.getElementById("counter");
    if (counter) { counter.dataset.shownReviewed = String(reviewedOnPage); }

    review.addEventListener("submit", function (event) {
      var form = event.target;
      var card = form.closest("article.card");
      if (!card) { return; }
      event.preventDefault();
      var submitter = event.submitter;
      if (!submitter) { return; }
      if (form.hasAttribute("data-teach")) {
        post(form, null).then(function (body) { taught(card, form, body.text); })
          .catch(function () { say(review.dataset.tFailed); });
        return;
      }
      post(form, submitter).then(function (body) {
        if (submitter.hasAttribute("data-undo")) {
          markCard(card, null);
          removeOffer(card);
          say(review.dataset.tUndone);
          focusCard(card);
        } else if (!submitter.hasAttribute("data-site")) {
          markCard(card, body.category);
          var offered = showOffer(card, body.offer);
          say(review.dataset.tSaved + ": " + submitter.textContent.trim() +
              (offered ? ". " + review.dataset.tOffered : ""));
        } else {
          body.ids.forEach(function (id) { markCard(document.getElementById(id), body.category); });
          say(review.dataset.tSaved + ": " + review.dataset.tNamesake + " (" + body.ids.length + ")");
        }
        updateCounter();
      }).catch(function () { say(review.dataset.tFailed); });
    });

    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) { return; }
      var tag = (event.target.tagName || "").toLowerCase();
      var typed = tag === "input" && event.target.type !== "checkbox";
      if (typed || tag === "select" || tag === "textarea") { return; }
      var answers = { w: "work", p: "private", a: "activism", n: "namesake" };
      var key = event.key.toLowerCase();
      if (key === "j") { event.preventDefault(); move(1); return; }
      if (key === "k") { event.preventDefault(); move(-1); return; }
      var card = currentCard();
      if (!card) { return; }
      if (answers[key]) {
        var button = card.querySelector('button.answer[value="' + answers[key] + '"]');
        if (!button) { return; }
        event.preventDefault();
        var form = button.form;
        post(form, button).then(function (body) {
          markCard(card, body.category);
          updateCounter();
          var offered = showOffer(card, body.offer);
          say(review.dataset.tSaved + ": " + button.textContent.trim() +
              (offered ? ". " + review.dataset.tOffered : ""));
          var all = cards();
          var index = all.indexOf(card);
          focusCard(all[Math.min(all.length - 1, index + 1)]);
        }).catch(function () { say(review.dataset.tFailed); });
      } else if (key === "u") {
        var undo = card.querySelector("button[data-undo]");
        if (undo && !undo.hidden) {
          event.preventDefault();
          undo.form.requestSubmit(undo);
        }
      }
    });
  }

  /* ---- copy buttons (the letter) --------------------------------------------- */
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var source = document.getElementById(button.dataset.copy);
      if (!source) { return; }
      var done = function () { button.textContent = button.dataset.copied; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(source.value || source.textContent).then(done, function () {
          source.select(); document.execCommand("copy"); done();
        });
      } else { source.select(); document.execCommand("copy"); done(); }
    });
  });

  /* ---- audit progress -------------------------------------------------------- */
  var progress = document.getElementById("audit-progress");
  if (progress && progress.dataset.running === "1") {
    var poll = function () {
      fetch(progress.dataset.status, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { return r.json(); })
        .then(function (s) {
          Object.keys(s.counts).forEach(function (stage) {
            ["done", "total"].forEach(function (k) {
              var el = progress.querySelector('[data-k="' + stage + "-" + k + '"]');
              if (el) { el.textContent = String(s.counts[stage][k]); }
            });
          });
          var stageEl = progress.querySelector("[data-stage]");
          if (stageEl && s.stage) {
            var label = progress.dataset["stage" + s.stage.charAt(0).toUpperCase() + s.stage.slice(1)];
            if (label) { stageEl.textContent = label; }
          }
          var bar = progress.querySelector("progress");
          if (bar && s.total) { bar.max = s.total; bar.value = s.done; }
          var failures = progress.querySelector("[data-failures]");
          if (failures && s.failures.length) {
            failures.hidden = false;
            var list = failures.querySelector("ul");
            list.textContent = "";
            s.failures.forEach(function (f) {
              var li = document.createElement("li");
              li.textContent = f.provider + ": " + f.message;
              list.appendChild(li);
            });
          }
          if (s.running) { window.setTimeout(poll, 500); } else { window.location.reload(); }
        })
        .catch(function () { window.setTimeout(poll, 2000); });
    };
    window.setTimeout(poll, 300);
  }

})();
