/* NataHjem with no network (issue 16 part 2). Progressive enhancement only: every page works without it.

   - Registers the service worker (/sw.js) and tells it which of this patient's pages to keep for no
     network (from #offline-device, rendered by the server); signed out, or on signing out, it tells the
     worker to drop every kept page, so that the next person on this phone never sees them.
   - The offline dose form (/injections/offline): keeps the dose on the phone (IndexedDB) with its own
     client id, marked with an opaque key of the signed-in patient, and sends it when the network is back:
     first the safety check, then the dose, through the same forms a person uses. The server refuses a
     dose without a fresh check (security finding 22) and stores one row per client id: a dose it already
     has is dropped here without a word; one it refuses stays on the phone with the server's reason.
   - Says how many doses wait (#offline-queue), and never that a waiting dose reached the clinic.
   - The symptom form says to call instead while there is no network: reports are never kept to send later.
   Every text comes from the page, in the reader's language. */
"use strict";

(function () {
  var DB_NAME = "natahjem-offline";
  var STORE = "doses";
  var CHECK_URL = "/injections/check";
  var DOSE_URL = "/injections/new";
  var REACTION_URL = "/symptoms/new";
  var RETRY_MS = 30000;
  var DOSE_FIELDS = ["day", "time", "syringes", "site_1", "batch_1", "site_2", "batch_2", "reaction", "note"];

  var device = document.getElementById("offline-device");
  var owner = device && device.dataset.owner ? device.dataset.owner : "";
  var sentHere = 0; // doses this page has seen sent, for "Sent" in the waiting list

  /* ------------------------------------------------------------------ the service worker */
  function tellWorker(message) {
    if (!("serviceWorker" in navigator)) {
      return;
    }
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.active) {
        registration.active.postMessage(message);
      }
    });
  }

  if ("serviceWorker" in navigator && window.isSecureContext) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {
      /* no worker: the pages still work, only not offline */
    });
    if (owner && navigator.onLine) {
      tellWorker({ type: "keep-pages", key: device.dataset.pagesKey, pages: device.dataset.pages.split(" ") });
    } else if (!owner && device) {
      tellWorker({ type: "drop-pages" }); // signed out (or not a patient): no one's pages stay on this phone
    }
    document.querySelectorAll("form[data-sign-out]").forEach(function (form) {
      form.addEventListener("submit", function () {
        tellWorker({ type: "drop-pages" });
      });
    });
  }

  /* ------------------------------------------------------------------ IndexedDB */
  function openDb() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = function () {
        request.result.createObjectStore(STORE, { keyPath: "client_id" });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function withStore(mode, work) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var result = work(tx.objectStore(STORE));
        tx.oncomplete = function () { db.close(); resolve(result && "result" in result ? result.result : result); };
        tx.onerror = function () { db.close(); reject(tx.error); };
      });
    });
  }

  function ownEntries() {
    return withStore("readonly", function (store) { return store.getAll(); }).then(function (all) {
      return (all || []).filter(function (entry) { return entry.owner === owner; })
        .sort(function (a, b) { return a.kept_at - b.kept_at; });
    });
  }

  function putEntry(entry) {
    return withStore("readwrite", function (store) { store.put(entry); });
  }

  function dropEntry(clientId) {
    return withStore("readwrite", function (store) { store.delete(clientId); });
  }

  /* ------------------------------------------------------------------ the waiting list */
  var queue = document.getElementById("offline-queue");

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) { return name in values ? values[name] : whole; });
  }

  /* The dose's day and time as the pages write them: 3. desember 2026 kl. 10.15, or 3 December 2026 at 10:15. */
  function when(fields) {
    var nb = document.documentElement.lang !== "en";
    var day = fields.day || "";
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
    if (parts && window.Intl) {
      var date = new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]));
      day = new Intl.DateTimeFormat(nb ? "nb-NO" : "en-GB", { day: "numeric", month: "long", year: "numeric" }).format(date);
    }
    var time = (fields.time || "").replace(":", nb ? "." : ":");
    return { day: day, time: time };
  }

  function showQueue() {
    if (!queue || !owner || !("indexedDB" in window)) {
      return Promise.resolve();
    }
    return ownEntries().then(function (entries) {
      var waiting = entries.filter(function (e) { return e.status === "waiting"; });
      var refused = entries.filter(function (e) { return e.status === "refused"; });
      var count = document.getElementById("offline-queue-count");
      var list = document.getElementById("offline-queue-refused");
      if (waiting.length === 1) {
        count.textContent = queue.dataset.one;
      } else if (waiting.length > 1) {
        count.textContent = fill(queue.dataset.many, { n: String(waiting.length) });
      } else {
        count.textContent = sentHere ? queue.dataset.sent : "";
      }
      list.textContent = "";
      // Sent with a reaction: online, the dose form goes on to the reaction questions (issue 3); from
      // here the patient is asked to answer them, with a link to the same page.
      entries.filter(function (e) { return e.status === "reaction"; }).forEach(function (entry) {
        var item = document.createElement("li");
        var what = document.createElement("p");
        what.textContent = fill(queue.dataset.dose, when(entry.fields)) + ". " +
          queue.dataset.reaction;
        var link = document.createElement("a");
        link.className = "button-primary";
        link.href = entry.next;
        link.textContent = queue.dataset.reactionLink;
        link.addEventListener("click", function (event) {
          event.preventDefault(); // the phone's copy goes first, then the questions open
          dropEntry(entry.client_id).finally(function () { window.location.assign(entry.next); });
        });
        item.append(what, link);
        list.append(item);
      });
      refused.forEach(function (entry) {
        var item = document.createElement("li");
        var what = document.createElement("p");
        what.textContent = fill(queue.dataset.dose, when(entry.fields)) + ". " +
          fill(queue.dataset.refused, { reason: entry.reason });
        var again = document.createElement("p");
        again.textContent = queue.dataset.again;
        var remove = document.createElement("button");
        remove.type = "button";
        remove.className = "button-secondary";
        remove.textContent = queue.dataset.remove;
        remove.addEventListener("click", function () {
          dropEntry(entry.client_id).then(showQueue);
        });
        item.append(what, again, remove);
        list.append(item);
      });
      queue.hidden = !(entries.length || sentHere);
    });
  }

  /* ------------------------------------------------------------------ sending */
  function pathOf(url) {
    return new URL(url, window.location.href).pathname;
  }

  function page(html) {
    return new DOMParser().parseFromString(html, "text/html");
  }

  /* The server's own words for a refusal: the form's error list, or the heading and first lines of the page
     it answered with (on hold, not approved). */
  function reasonOf(doc) {
    var parts = [];
    doc.querySelectorAll("main .error-summary li, main .error-summary p, main p.error").forEach(function (el) {
      var text = el.textContent.trim();
      if (text && parts.indexOf(text) < 0) {
        parts.push(text);
      }
    });
    if (!parts.length) {
      var heading = doc.querySelector("main h1");
      var first = doc.querySelector("main h1 ~ p");
      parts = [heading, first].filter(Boolean).map(function (el) { return el.textContent.trim(); });
    }
    return parts.join(" ").replace(/\s+/g, " ").slice(0, 400);
  }

  function Retry() {} // the network or the server failed: the dose keeps waiting, nothing is said

  function post(url, fields) {
    var body = new URLSearchParams();
    Object.keys(fields).forEach(function (name) { body.append(name, fields[name]); });
    return fetch(url, { method: "POST", body: body, credentials: "same-origin" });
  }

  async function answerOf(response) {
    if (response.status >= 500 || pathOf(response.url).indexOf("/auth/") === 0) {
      throw new Retry(); // a server fault, or signed out: try again later, never call it refused
    }
    return page(await response.text());
  }

  async function sendOne(entry) {
    var checkPage = await answerOf(await fetch(CHECK_URL + "?then=log", { credentials: "same-origin" }));
    var token = checkPage.querySelector("input[name=csrf_token]");
    if (!token) {
      throw new Retry();
    }
    var checked = false;
    var reason = "";
    if (checkPage.querySelector("main form input[name=then]")) {
      var answers = { csrf_token: token.value, then: "log" };
      (entry.yes || []).forEach(function (name) { answers[name] = "y"; });
      var afterCheck = await fetch(CHECK_URL, { method: "POST", body: new URLSearchParams(answers), credentials: "same-origin" });
      checked = pathOf(afterCheck.url) === DOSE_URL;
      if (!checked) {
        reason = reasonOf(await answerOf(afterCheck));
      }
    } else {
      reason = reasonOf(checkPage); // the dose waits, or home treatment is closed: the page says why
    }
    // Sent also when the check did not go ahead: a dose an earlier attempt stored is known by its client id.
    var dose = Object.assign({ csrf_token: token.value, client_id: entry.client_id }, entry.fields);
    var response = await post(DOSE_URL, dose);
    if (response.redirected && pathOf(response.url) !== DOSE_URL && pathOf(response.url).indexOf("/auth/") !== 0) {
      sentHere += 1;
      if (pathOf(response.url) === REACTION_URL && entry.fields.reaction === "yes") {
        var next = new URL(response.url);
        entry.status = "reaction"; // stored; the reaction questions still wait for her answers
        entry.next = next.pathname + next.search;
        await putEntry(entry);
        return;
      }
      await dropEntry(entry.client_id); // stored now, or stored before (the same client id): done
      return;
    }
    if (checked) {
      reason = reasonOf(await answerOf(response));
    } else {
      await answerOf(response);
    }
    entry.status = "refused";
    entry.reason = reason || String(response.status);
    await putEntry(entry);
  }

  var sending = false;

  async function sendWaiting() {
    if (sending || !owner || !navigator.onLine || !("indexedDB" in window)) {
      return;
    }
    sending = true;
    try {
      var entries = (await ownEntries()).filter(function (e) { return e.status === "waiting"; });
      for (var i = 0; i < entries.length; i += 1) {
        await sendOne(entries[i]);
        await showQueue();
      }
    } catch (error) {
      /* offline again, or the server failed: the rest wait for the next try */
    } finally {
      sending = false;
      await showQueue();
    }
  }

  function sendSoon() {
    sendWaiting();
  }

  /* ------------------------------------------------------------------ the offline dose form */
  function newClientId() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  function two(number) {
    return (number < 10 ? "0" : "") + number;
  }

  var doseForm = document.getElementById("offline-dose");
  if (doseForm && owner && "indexedDB" in window) {
    doseForm.querySelectorAll(".js-only").forEach(function (el) { el.hidden = false; });
    var now = new Date(); // the phone's clock: the page itself may have been kept for days
    doseForm.elements.day.value = now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
    doseForm.elements.time.value = two(now.getHours()) + ":" + two(now.getMinutes());

    doseForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var stop = document.getElementById("offline-stop");
      var severe = document.getElementById("offline-severe");
      var yes = Array.prototype.filter.call(doseForm.querySelectorAll(".checklist input[type=checkbox]"),
        function (box) { return box.checked; }).map(function (box) { return box.name; });
      if (yes.length) { // any yes stops the dose (facts H7): nothing is kept, the page says whom to call
        stop.hidden = false;
        doseForm.hidden = true;
        stop.focus();
        return;
      }
      var fields = {};
      DOSE_FIELDS.forEach(function (name) {
        var field = doseForm.elements[name];
        fields[name] = field ? (field.value || "") : "";
      });
      var entry = { client_id: newClientId(), owner: owner, kept_at: Date.now(), fields: fields, yes: [],
                    status: "waiting", reason: "" };
      putEntry(entry).then(function () {
        doseForm.hidden = true;
        if (fields.reaction === "severe") { // breathing or swelling: 113 now, whatever the network (facts B1)
          severe.hidden = false;
          severe.focus();
        }
        return showQueue();
      }).then(function () {
        if (queue && severe.hidden) {
          queue.scrollIntoView();
        }
        sendSoon();
      });
    });
  }

  /* ------------------------------------------------------------------ no network */
  var banner = document.getElementById("offline-banner");
  var symptomNotice = document.getElementById("symptom-offline");

  function networkChanged() {
    var offline = !navigator.onLine;
    if (banner) {
      banner.hidden = !offline;
    }
    if (symptomNotice) {
      symptomNotice.hidden = !offline;
      document.querySelectorAll("main form button[type=submit]").forEach(function (button) {
        button.disabled = offline; // nothing is sent, and nothing is kept to send later
      });
    }
    if (!offline) {
      sendSoon();
    }
  }

  window.addEventListener("online", networkChanged);
  window.addEventListener("offline", networkChanged);
  networkChanged();
  showQueue();
  if (owner) {
    window.setInterval(sendSoon, RETRY_MS); // in case the browser never says the network is back
  }
})();
