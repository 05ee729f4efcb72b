/* NataHjem's service worker (issue 12), served at /sw.js so that its scope is the whole app.
   It shows a Web Push message as a notification and, on a tap, opens the page the message is about.
   The push text comes already written in the reader's language and, unless they chose detailed texts,
   discreet; this file only shows it. No inline script, no eval: it runs under the site's CSP.

   Offline (issue 16): it keeps the app's files (CSS, JS, icons) and, for the signed-in patient only, the
   pages offline.js names (emergency help with her clinic's number, the offline dose form, the symptom
   form that says whom to call, the articles), in a cache named by an opaque key of her and her language.
   The network always comes first; a kept copy is shown only when the network fails. Signing out (or any
   page seen signed out) drops every kept page. Doses are kept by the page (offline.js), not here. */
"use strict";

var ICON = "/static/icons/icon-192.png";

var SHELL = "natahjem-shell-v1";
var SHELL_FILES = ["/static/css/app.css", "/static/js/offline.js", "/static/icons/icon.svg", ICON,
                   "/static/manifest.webmanifest"];
var PAGES = "natahjem-pages-";
var PAGES_FRESH_MS = 12 * 60 * 60 * 1000; // a changed clinic number reaches the phone within 12 hours
var STAMP = "/__natahjem-kept-at";
// Offline, the safety check and the dose form are both answered by the offline dose form.
var OFFLINE_ALIASES = { "/injections/check": "/injections/offline", "/injections/new": "/injections/offline" };
var FALLBACK = "/emergency"; // any other page not kept: whom to call
var keeping = Promise.resolve();
var KEEP_HEADER = { "X-NataHjem-Keep": "1" }; // see webapp/sessions.py
var dropped = 0; // raised by every sign-out, so that a fetch still under way cannot keep a page after it

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) { return cache.addAll(SHELL_FILES); })
    .catch(function () { /* kept later, as the files are fetched */ }));
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  // Take charge of pages that are already open, so that a tap can move them to the right page.
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name.indexOf("natahjem-shell-") === 0 && name !== SHELL; })
      .map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

function pageCaches() {
  return caches.keys().then(function (names) {
    return names.filter(function (name) { return name.indexOf(PAGES) === 0; });
  });
}

function dropPages(except) {
  dropped += except ? 0 : 1;
  return pageCaches().then(function (names) {
    return Promise.all(names.filter(function (name) { return name !== except; })
      .map(function (name) { return caches.delete(name); }));
  });
}

async function keepPages(key, pages) {
  if (typeof key !== "string" || !/^[0-9a-f]{8,64}$/.test(key) || !Array.isArray(pages)) {
    return;
  }
  var name = PAGES + key;
  var generation = dropped;
  await dropPages(name); // another person's pages, or this person's in another language
  var cache = await caches.open(name);
  var stamp = await cache.match(STAMP);
  var keptAt = stamp ? Number(await stamp.text()) : 0;
  if (Date.now() - keptAt < PAGES_FRESH_MS) {
    return;
  }
  for (var i = 0; i < pages.length; i += 1) {
    var path = samePath(pages[i]);
    // KEEP_HEADER: the server answers without a cookie, so that a fill still under way when she signs
    // out (and someone else signs in) cannot overwrite the new session. A redirect is not followed: the
    // sign-in page it leads to would make a session of its own.
    var response = await fetch(path, { credentials: "same-origin", redirect: "manual", headers: KEEP_HEADER });
    if (generation !== dropped) {
      return;
    }
    if (!response.ok) {
      return; // signed out, or on hold: the rest would not be hers either (not stamped: tried again later)
    }
    await cache.put(path, response);
  }
  if (generation === dropped) {
    await cache.put(STAMP, new Response(String(Date.now())));
  } else {
    await caches.delete(name);
  }
}

self.addEventListener("message", function (event) {
  if (!event.origin || event.origin !== self.location.origin) {
    return;
  }
  var message = event.data || {};
  if (message.type === "keep-pages") {
    // One at a time: two pages opened together fetch the pages once, the second finds them fresh.
    keeping = keeping.then(function () { return keepPages(message.key, message.pages); })
      .catch(function () { /* offline: next time */ });
    event.waitUntil(keeping);
  } else if (message.type === "drop-pages") {
    event.waitUntil(dropPages());
  }
});

async function keptPage(url) {
  var names = await pageCaches();
  if (names.length !== 1) {
    return Response.error(); // nobody's pages, or not yet sorted out whose: none shown
  }
  var cache = await caches.open(names[0]);
  var path = OFFLINE_ALIASES[url.pathname] || url.pathname;
  return (await cache.match(path)) || (await cache.match(FALLBACK)) || Response.error();
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) {
    return; // posts always go to the network: nothing is sent from here
  }
  if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(SHELL).then(function (cache) { return cache.put(url.pathname, copy); });
      }
      return response;
    }).catch(function () {
      return caches.open(SHELL).then(function (cache) { return cache.match(url.pathname); })
        .then(function (kept) { return kept || Response.error(); });
    }));
  } else if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(function () { return keptPage(url); }));
  }
});

/* A path on this site only: a message can never send the reader to another site. */
function samePath(url) {
  try {
    var target = new URL(String(url || "/"), self.location.origin);
    if (target.origin === self.location.origin) {
      return target.pathname + target.search + target.hash;
    }
  } catch (error) {
    /* not a URL at all: the start page */
  }
  return "/";
}

function readMessage(event) {
  try {
    var message = event.data ? event.data.json() : {};
    return message && typeof message === "object" ? message : {};
  } catch (error) {
    return {};
  }
}

function text(value, fallback) {
  return typeof value === "string" && value ? value : fallback;
}

self.addEventListener("push", function (event) {
  var message = readMessage(event);
  var options = {
    body: text(message.body, ""),
    icon: ICON,
    badge: ICON,
    data: { url: samePath(message.url) },
  };
  // The outbox row's key: a message delivered twice replaces its notification instead of adding one.
  if (typeof message.tag === "string" && message.tag) {
    options.tag = message.tag;
  }
  if (typeof message.lang === "string") {
    options.lang = message.lang;
  }
  event.waitUntil(self.registration.showNotification(text(message.title, "NataHjem"), options));
});

/* Bring NataHjem to the front on the message's page: an open NataHjem window is moved there, or a new
   one opens. Called by the notificationclick handler (and by the browser test, which cannot tap). */
async function openPage(url) {
  var target = new URL(samePath(url), self.location.origin).href;
  var windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (var i = 0; i < windows.length; i += 1) {
    var client = windows[i];
    if (new URL(client.url).origin !== self.location.origin) {
      continue;
    }
    try {
      await client.focus();
    } catch (error) {
      /* focusing needs the tap itself; moving the window does not */
    }
    try {
      var moved = await client.navigate(target);
      if (moved) {
        return moved;
      }
    } catch (error) {
      /* a window this worker does not control cannot be moved: open a new one below */
    }
  }
  return self.clients.openWindow(target);
}

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var data = event.notification.data || {};
  event.waitUntil(openPage(data.url));
});
