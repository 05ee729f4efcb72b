/* NataHjem's service worker (issue 12), served at /sw.js so that its scope is the whole app.
   It shows a Web Push message as a notification and, on a tap, opens the page the message is about.
   The push text comes already written in the reader's language and, unless they chose detailed texts,
   discreet; this file only shows it. No inline script, no eval: it runs under the site's CSP. */
"use strict";

var ICON = "/static/icons/icon-192.png";

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  // Take charge of pages that are already open, so that a tap can move them to the right page.
  event.waitUntil(self.clients.claim());
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
